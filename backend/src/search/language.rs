//! Queue languages (ISO 639-1) mapped to what each index understands.

/// PostgreSQL text search configuration (stemmer and stop words) for a language.
pub fn pg_config(lang: &str) -> &'static str {
    match lang {
        "ar" => "arabic",
        "ca" => "catalan",
        "da" => "danish",
        "de" => "german",
        "el" => "greek",
        "en" => "english",
        "es" => "spanish",
        "eu" => "basque",
        "fi" => "finnish",
        "fr" => "french",
        "ga" => "irish",
        "hi" => "hindi",
        "hu" => "hungarian",
        "hy" => "armenian",
        "id" => "indonesian",
        "it" => "italian",
        "lt" => "lithuanian",
        "nb" | "nn" | "no" => "norwegian",
        "ne" => "nepali",
        "nl" => "dutch",
        "pt" => "portuguese",
        "ro" => "romanian",
        "ru" => "russian",
        "sr" => "serbian",
        "sv" => "swedish",
        "ta" => "tamil",
        "tr" => "turkish",
        "yi" => "yiddish",
        _ => "simple",
    }
}

/// Sonic's language hint (ISO 639-3 through whatlang) for a language, when Sonic knows it.
pub fn sonic_lang(lang: &str) -> Option<sonic_channel::Lang> {
    let code = match lang {
        "ar" => "ara",
        "cs" => "ces",
        "da" => "dan",
        "de" => "deu",
        "el" => "ell",
        "en" => "eng",
        "es" => "spa",
        "fa" => "pes",
        "fi" => "fin",
        "fr" => "fra",
        "he" => "heb",
        "hi" => "hin",
        "hu" => "hun",
        "it" => "ita",
        "ja" => "jpn",
        "ko" => "kor",
        "nb" | "no" => "nob",
        "nl" => "nld",
        "pl" => "pol",
        "pt" => "por",
        "ro" => "ron",
        "ru" => "rus",
        "sv" => "swe",
        "tr" => "tur",
        "uk" => "ukr",
        "zh" => "cmn",
        _ => return None,
    };
    sonic_channel::Lang::from_code(code)
}

/// A plausible language code (the filter's input check).
pub fn is_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_map_to_each_index() {
        assert_eq!(pg_config("fr"), "french");
        assert_eq!(pg_config("xx"), "simple");
        assert_eq!(sonic_lang("de"), Some(sonic_channel::Lang::Deu));
        assert_eq!(sonic_lang("xx"), None);
        assert!(is_code("en") && !is_code("EN") && !is_code("e'"));
    }
}
