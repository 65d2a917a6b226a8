//! Reading articles: at most [`input::MAX_BYTES`] each, and never stuck
//! on a pipe that no program writes to.
//!
//! Names in messages are quoted when they need it ([`quote`]), so every
//! message stays one line.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;
use std::time::Duration;

use wirediff::Input;

use crate::{Failure, memory};

/// The most bytes read from one article file or from standard input:
/// 8 MiB. The page takes up to 2,000,000 characters (UTF-16 units) per
/// article, at most 6,000,000 bytes of UTF-8, so whatever the page
/// takes, the CLI takes.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// How long a pipe may have no writer before it is given up.
pub const PIPE_WAIT: Duration = Duration::from_secs(2);

/// Reads a file, a pipe (a FIFO, `<(cat a)`) or a device such as
/// `/dev/stdin`, refusing directories and anything over the limit.
pub fn read_file(path: &Path, shown: &str) -> Result<Vec<u8>, Failure> {
    let file = open(path).map_err(|e| {
        if path.is_dir() {
            is_a_directory(shown)
        } else {
            cannot_read(shown, &e)
        }
    })?;
    let meta = file.metadata().map_err(|e| cannot_read(shown, &e))?;
    if meta.is_dir() {
        return Err(is_a_directory(shown));
    }
    if meta.is_file() && meta.len() > MAX_BYTES as u64 {
        return Err(too_large(shown, Some(meta.len())));
    }
    let first = wait_for_writer(&file, &meta, shown)?;
    set_blocking(&file).map_err(|e| cannot_read(shown, &e))?;
    // A regular file's size is known: reserve it exactly, once.
    let expected = if meta.is_file() {
        meta.len() as usize
    } else {
        0
    };
    read_stream(file, shown, first, expected)
}

/// Reads to the end after `bytes` (what was read already), failing at
/// the limit; `expected` is the size to reserve up front.
pub fn read_stream(
    mut reader: impl Read,
    shown: &str,
    mut bytes: Vec<u8>,
    expected: usize,
) -> Result<Vec<u8>, Failure> {
    let exact = expected.saturating_sub(bytes.len());
    memory::try_reserve_exact(&mut bytes, exact).map_err(|_| no_memory(shown, expected))?;
    let mut chunk = [0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(cannot_read(shown, &e)),
        };
        if bytes.len() + n > MAX_BYTES {
            return Err(too_large(shown, None));
        }
        memory::try_reserve(&mut bytes, n).map_err(|_| no_memory(shown, bytes.len() + n))?;
        bytes.extend_from_slice(&chunk[..n]);
    }
}

/// The encoding of text in UTF-16 or UTF-32, and the name `iconv`
/// reads it by, known by its byte-order mark or, for UTF-16 without
/// one, by the NUL byte that ASCII text has in every other place.
pub fn utf16_or_32(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some(("UTF-32", "UTF-32"));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(("UTF-16", "UTF-16"));
    }
    let pairs = bytes[..bytes.len().min(4096)].chunks_exact(2);
    let n = pairs.len();
    let (mut little, mut big) = (0, 0);
    for pair in pairs {
        match pair {
            [0, 0] => {}
            [_, 0] => little += 1,
            [0, _] => big += 1,
            _ => {}
        }
    }
    // Three pairs in four leave room for some non-ASCII characters.
    match (little * 4 >= n * 3, big * 4 >= n * 3) {
        _ if n < 2 => None,
        (true, _) => Some(("UTF-16", "UTF-16LE")),
        (_, true) => Some(("UTF-16", "UTF-16BE")),
        _ => None,
    }
}

/// Opens without blocking: opening a FIFO for reading otherwise waits
/// until some program opens it for writing, perhaps forever.
#[cfg(unix)]
fn open(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Waits for a FIFO's writer and returns what it read. On a pipe
/// opened without blocking, a read tells the cases apart: data; no
/// data yet from a writer that has it open (as with `<(slow
/// command)`: the rest of the read waits for it as long as it takes);
/// or end of file, which means no program has it open for writing:
/// then one has [`PIPE_WAIT`] to open it.
#[cfg(unix)]
fn wait_for_writer(mut file: &File, meta: &Metadata, shown: &str) -> Result<Vec<u8>, Failure> {
    use std::os::unix::fs::FileTypeExt;
    if !meta.file_type().is_fifo() {
        return Ok(Vec::new());
    }
    let deadline = std::time::Instant::now() + PIPE_WAIT;
    let mut first = [0u8; 4096];
    loop {
        match file.read(&mut first) {
            Ok(0) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(0) => {
                return Err(Failure(format!(
                    "{shown}: nothing to read after waiting {} s: a pipe with no writer?",
                    PIPE_WAIT.as_secs()
                )));
            }
            Ok(n) => return Ok(first[..n].to_vec()),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(Vec::new()),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(cannot_read(shown, &e)),
        }
    }
}

#[cfg(not(unix))]
fn wait_for_writer(_: &File, _: &Metadata, _: &str) -> Result<Vec<u8>, Failure> {
    Ok(Vec::new())
}

/// Clears the `O_NONBLOCK` that [`open`] set, so that reads wait for
/// a slow writer (or a terminal) instead of failing.
#[cfg(unix)]
fn set_blocking(file: &File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: F_GETFL and F_SETFL on a descriptor that `file` owns
    // and keeps open; no memory is passed.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags == -1 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } == -1 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(not(unix))]
fn set_blocking(_: &File) -> io::Result<()> {
    Ok(())
}

fn is_a_directory(shown: &str) -> Failure {
    Failure(format!("{shown}: is a directory, not an article file"))
}

fn cannot_read(shown: &str, e: &io::Error) -> Failure {
    let why = match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    };
    Failure(format!("{shown}: cannot read: {why}"))
}

fn too_large(shown: &str, size: Option<u64>) -> Failure {
    let what = match size {
        Some(size) => format!("is {size} bytes, more than"),
        None => "holds more than".to_owned(),
    };
    Failure(format!(
        "{shown}: {what} the 8 MiB (8,388,608 bytes) that wirediff reads from one article"
    ))
}

fn no_memory(shown: &str, bytes: usize) -> Failure {
    Failure(format!(
        "{shown}: not enough memory to read it ({bytes} bytes)"
    ))
}

/// A name as written, or quoted with Rust's escapes (`"a\nb.txt"`) when
/// it holds a line break, another control or invisible character, a quote
/// or backslash, or space at either end, so every message stays one
/// unambiguous line.
pub fn quote(name: &str) -> String {
    let quoted = format!("{name:?}");
    let plain = !name.is_empty() && quoted.len() == name.len() + 2 && name.trim() == name;
    if plain { name.to_owned() } else { quoted }
}

/// A path as written, or quoted like [`quote`]; bytes that are not UTF-8
/// show as `\xNN`.
pub fn quote_path(path: &Path) -> String {
    match path.to_str() {
        Some(name) => quote(name),
        None => format!("{path:?}"),
    }
}

fn base_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads an article file, refusing anything that is not non-empty UTF-8 text.
pub fn read_article(path: &Path) -> Result<Input, Failure> {
    let shown = quote_path(path);
    let bytes = read_file(path, &shown)?;
    decode(&shown, base_name(path), bytes)
}

pub fn read_stdin() -> Result<Input, Failure> {
    let shown = "standard input";
    let bytes = read_stream(io::stdin().lock(), shown, Vec::new(), 0)?;
    decode(shown, "stdin".to_owned(), bytes)
}

fn decode(shown: &str, name: String, bytes: Vec<u8>) -> Result<Input, Failure> {
    if let Some((encoding, iconv)) = utf16_or_32(&bytes) {
        return Err(Failure(format!(
            "{shown}: is {encoding} text, not UTF-8 (convert it, e.g. `iconv -f {iconv} -t UTF-8`)"
        )));
    }
    if bytes.contains(&0) {
        return Err(Failure(format!(
            "{shown}: looks like a binary file (it contains NUL bytes), not text"
        )));
    }
    // A UTF-8 byte-order mark is valid UTF-8; the library skips it.
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "{shown}: is not valid UTF-8 text (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    if text.trim_matches(wirediff::text::is_space).is_empty() {
        return Err(Failure(format!("{shown}: is empty")));
    }
    Ok(Input::new(name, text))
}

#[cfg(test)]
mod tests {
    use super::{MAX_BYTES, quote, read_stream, utf16_or_32};

    #[test]
    fn names_are_quoted_only_when_they_need_it() {
        assert_eq!(quote("a/b c.txt"), "a/b c.txt");
        assert_eq!(quote("é/日本.txt"), "é/日本.txt");
        assert_eq!(quote("a\nb.txt"), r#""a\nb.txt""#);
        assert_eq!(quote("tab\t"), r#""tab\t""#);
        assert_eq!(quote("say \"hi\""), r#""say \"hi\"""#);
        assert_eq!(quote("trailing "), r#""trailing ""#);
        assert_eq!(quote(""), r#""""#);
    }

    #[test]
    fn reading_takes_the_limit_and_not_a_byte_more() {
        let full = vec![b'a'; MAX_BYTES];
        let got = read_stream(&full[..], "x", Vec::new(), 0).ok().unwrap();
        assert_eq!(got.len(), MAX_BYTES);
        let over = vec![b'a'; MAX_BYTES + 1];
        let failure = read_stream(&over[..], "x", Vec::new(), 0).err().unwrap();
        assert!(
            failure.0.contains("holds more than the 8 MiB"),
            "{}",
            failure.0
        );
        let got = read_stream(&b"cd"[..], "x", b"ab".to_vec(), 4)
            .ok()
            .unwrap();
        assert_eq!(got, b"abcd");
    }

    #[test]
    fn utf16_is_told_from_binary() {
        assert_eq!(utf16_or_32(b"A\0B\0C\0"), Some(("UTF-16", "UTF-16LE")));
        assert_eq!(utf16_or_32(b"\0A\0B\0C"), Some(("UTF-16", "UTF-16BE")));
        assert_eq!(
            utf16_or_32(b"\xFF\xFE\0\0A\0\0\0"),
            Some(("UTF-32", "UTF-32"))
        );
        assert_eq!(utf16_or_32(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
        assert_eq!(utf16_or_32(b"\0\0\0\0\0\0"), None);
        assert_eq!(utf16_or_32(b"A\0"), None);
        assert_eq!(utf16_or_32("plain UTF-8 text".as_bytes()), None);
    }
}
