//! The word lists the sentence splitter consults: titles, abbreviations and
//! the words that usually start a sentence. General English only: no list
//! names words of a particular article.

/// Titles that precede a name: the period after them never ends a sentence.
pub const TITLES: &[&str] = &[
    "Adm", "Capt", "Cmdr", "Col", "Det", "Dr", "Fr", "Gen", "Gov", "Hon", "Insp", "Lt", "Maj",
    "Messrs", "Mme", "Mlle", "Mr", "Mrs", "Ms", "Mt", "Pres", "Prof", "Rep", "Rev", "Sen", "Sgt",
    "Sr", "Supt", "Ft",
];

/// Abbreviations that end a name or a list: before a capitalised word they
/// end the sentence (`sold to Orion Inc. Terms were…`, `etc. Europe…`),
/// before anything else they continue it (`Apple Inc. said`).
pub const CLOSING_ABBREVIATIONS: &[&str] = &[
    "Bros", "Co", "Corp", "Inc", "Ltd", "LLC", "Plc", "plc", "Cie", "etc", "Jr", "Esq",
];

/// Abbreviations of "number" (`No. 5`, `N°. 1026`): they join only
/// before a number.
pub const NUMBER_ABBREVIATIONS: &[&str] = &["No", "Nos", "N°", "Nº", "№", "Nr"];

/// Times of day: before a capitalised word they end the sentence unless the
/// word belongs to the time ([`TIME_CONTINUATIONS`]: `9 a.m. Monday`, `ET`).
pub const TIME_ABBREVIATIONS: &[&str] = &["a.m", "p.m", "A.M", "P.M"];

/// Capitalised words that continue a time of day.
pub const TIME_CONTINUATIONS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "ET",
    "EST",
    "EDT",
    "CT",
    "CST",
    "CDT",
    "MT",
    "MST",
    "MDT",
    "PT",
    "PST",
    "PDT",
    "GMT",
    "BST",
    "UTC",
    "CET",
    "CEST",
    "JST",
    "IST",
    "AEST",
    "Eastern",
    "Pacific",
    "Central",
    "Mountain",
    "local",
];

/// Other abbreviations that usually continue a sentence but may also end
/// one. Matched case-sensitively against the word before the period.
pub const ABBREVIATIONS: &[&str] = &[
    "Dept", "Univ", "Assn", // Months and days.
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun", // Addresses.
    "Ave", "Blvd", "Rd", "St", "Hwy", "Ste",
    // Latin and other running-text abbreviations.
    "approx", "cf", "est", "vs", "al", "ca", "fig", "Fig", "vol", "Vol", "pp", "ed", "Ed", "eds",
    "Sen", "Ph", "Mass", "Calif", "Fla", "Ill", "Wash", "Conn", "Penn",
];

/// Words that, capitalised after an ambiguous abbreviation, mark the start of
/// a new sentence rather than a name. General English function words only.
pub const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "About",
    "After",
    "Again",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Last",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "Much",
    "My",
    "No",
    "Not",
    "Now",
    "On",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "Since",
    "She",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Under",
    "Unlike",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
    "Your",
];
