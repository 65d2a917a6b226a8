//! Sorting with one copy of the sorting algorithm in the program.
//!
//! std's sorts are generic: every call that sorts another type, or with
//! another comparison, is a copy of the whole algorithm, a few kilobytes of
//! the page's WebAssembly module each. These sort the positions of the
//! elements instead (one `usize` sort, comparing through a `dyn FnMut`), then
//! move the elements into that order. The sort is stable, so [`sort_by`] and
//! [`sort_by_key`] give exactly what `slice::sort_by` and
//! `slice::sort_by_key` give; [`sort`] gives what `sort_unstable` gives for
//! types whose equal values are the same (integers and tuples of them).
//! Sorts by a partial key whose ties an unstable sort leaves in its own order
//! keep std's `sort_unstable_by_key`.

use std::cmp::Ordering;

/// Sorts `v` stably by `compare` (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = positions(v.len(), &mut |i, j| compare(&v[i], &v[j]));
    permute(v, order);
}

/// Sorts `v` stably by `key` (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order (as `slice::sort` or, for types whose equal
/// values are the same, `slice::sort_unstable`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in the order `compare` (of the elements at two
/// positions) sorts them, ties in order of position.
#[inline(never)]
fn positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| compare(i, j));
    order
}

/// Moves the element at `order[k]` to `k`, for every `k`, following each
/// cycle of the permutation with swaps (`order` marks what is done).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (SplitMix64).
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
                let mut z = s;
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                (z ^ (z >> 31)) % range
            })
            .collect()
    }

    #[test]
    fn sorts_as_std_does() {
        for (seed, n, range) in [
            (1, 0, 1),
            (2, 1, 1),
            (3, 2, 2),
            (4, 50, 5),
            (5, 1000, 30),
            (6, 3000, 1 << 40),
        ] {
            let v = numbers(seed, n, range);
            let mut ours = v.clone();
            sort(&mut ours);
            let mut theirs = v.clone();
            theirs.sort_unstable();
            assert_eq!(ours, theirs);
            // Stable: ties keep their order, as in std's stable sort.
            let mut ours: Vec<(u64, usize)> = v.iter().copied().zip(0..).collect();
            sort_by_key(&mut ours, |p| p.0 / 3);
            let mut theirs: Vec<(u64, usize)> = v.iter().copied().zip(0..).collect();
            theirs.sort_by_key(|p| p.0 / 3);
            assert_eq!(ours, theirs);
            let mut ours: Vec<String> = v.iter().map(u64::to_string).collect();
            sort_by(&mut ours, |a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            let mut theirs: Vec<String> = v.iter().map(u64::to_string).collect();
            theirs.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            assert_eq!(ours, theirs);
        }
    }
}
