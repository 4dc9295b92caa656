//! The language the user wrote in, as ISO 639-1, detected on the user's own words only: the
//! summary and the answers, never the headings (English from 5.20, the session language
//! before) nor pasted markup or text repeated over and over.

use std::collections::{HashMap, HashSet};

use whatlang::Lang;

use super::Answer;

/// Fewer letters than this say nothing reliable about a language.
const MIN_LETTERS: usize = 12;
/// Most text detection looks at.
const MAX_DETECT_BYTES: usize = 8 * 1024;

pub(crate) fn detect(summary: Option<&str>, answers: &[Answer]) -> Option<String> {
    let mut text = user_words(summary, answers);
    // A few kilobytes of prose decide as well as a whole long message, at a fraction of the
    // cost (the mail gateway detects on every new ticket).
    if text.len() > MAX_DETECT_BYTES {
        let mut end = MAX_DETECT_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    if letters(&text) < MIN_LETTERS {
        return None;
    }
    match dominant_script(&text) {
        Script::Latin => latin_language(&text),
        Script::Cjk => {
            let kana = text
                .chars()
                .filter(|c| matches!(*c, '\u{3040}'..='\u{30ff}'))
                .count();
            let hangul = text
                .chars()
                .filter(|c| matches!(*c, '\u{ac00}'..='\u{d7af}'))
                .count();
            let lang = if kana > 0 {
                "ja"
            } else if hangul > 0 {
                "ko"
            } else {
                "zh"
            };
            Some(lang.to_string())
        }
        Script::Other(keep) => {
            // Detect on that script alone: Latin product names and quoted messages would
            // otherwise pull the trigram model towards some Latin-script language.
            let only: String = text
                .chars()
                .map(|c| {
                    if keep(c) || !c.is_alphabetic() {
                        c
                    } else {
                        ' '
                    }
                })
                .collect();
            whatlang::detect_lang(&only)
                .and_then(iso_639_1)
                .map(str::to_string)
        }
    }
}

/// The text to detect on: markup lines dropped when the user also wrote plain lines, tags and
/// entities removed, every sentence counted once.
fn user_words(summary: Option<&str>, answers: &[Answer]) -> String {
    let lines: Vec<&str> = summary
        .into_iter()
        .chain(answers.iter().flat_map(|a| a.text.lines()))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .scan(0usize, |read, l| {
            // Lines beyond the first few kilobytes are not read at all (see `MAX_DETECT_BYTES`).
            let take = *read < 2 * MAX_DETECT_BYTES;
            *read += l.len();
            take.then_some(l)
        })
        .collect();
    let plain: Vec<&str> = lines.iter().copied().filter(|l| !has_markup(l)).collect();
    let plain_letters: usize = plain
        .iter()
        .map(|l| l.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let chosen = if plain_letters >= MIN_LETTERS {
        plain
    } else {
        lines
    };
    // Joined first: wrapped lines cut sentences in two.
    let joined = chosen
        .iter()
        .map(|l| strip_markup(l))
        .collect::<Vec<_>>()
        .join(" ");
    let unquoted = strip_quotes(&joined);
    let text = if letters(&unquoted) >= MIN_LETTERS {
        unquoted
    } else {
        joined
    };
    // A sentence repeated over and over is filler, not prose; each other sentence counts once.
    let sentences: Vec<String> = text
        .split_inclusive(['.', '!', '?', '。', '！', '？'])
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in &sentences {
        *counts.entry(s.as_str()).or_default() += 1;
    }
    let pick = |max: usize| {
        let mut seen = HashSet::new();
        sentences
            .iter()
            .filter(|s| counts[s.as_str()] <= max && seen.insert(s.as_str()))
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let varied = pick(2);
    if letters(&varied) >= MIN_LETTERS {
        varied
    } else {
        pick(usize::MAX)
    }
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// Drops quoted passages («…», „…“, “…”, "…", 「…」): mostly error messages in the UI's language.
fn strip_quotes(s: &str) -> String {
    const PAIRS: &[(char, char)] = &[('«', '»'), ('„', '“'), ('“', '”'), ('"', '"'), ('「', '」')];
    let mut out = String::with_capacity(s.len());
    let mut closing: Option<char> = None;
    // Where each closing quote last occurs: whether a quote closes later is then one compare.
    let last: Vec<Option<usize>> = PAIRS.iter().map(|(_, close)| s.rfind(*close)).collect();
    for (i, c) in s.char_indices() {
        match closing {
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match PAIRS.iter().position(|(open, _)| *open == c) {
                // Only a quote that closes later in the text opens a passage.
                Some(p) if last[p].is_some_and(|at| at > i) => {
                    let close = PAIRS[p].1;
                    closing = Some(close);
                    out.push(' ');
                }
                _ => out.push(c),
            },
        }
    }
    out
}

fn has_markup(line: &str) -> bool {
    let mut rest = line;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        if after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
            && after.contains('>')
        {
            return true;
        }
        rest = after;
    }
    false
}

/// Drops `<…>` tags, `&…;` entities and URLs.
fn strip_markup(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_tag = false;
    for c in line.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace()
        .filter(|w| !(w.starts_with('&') && w.ends_with(';')))
        .filter(|w| !w.contains("://"))
        .collect::<Vec<_>>()
        .join(" ")
}

enum Script {
    Latin,
    Cjk,
    Other(fn(char) -> bool),
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}')
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{52f}')
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{600}'..='\u{6ff}' | '\u{750}'..='\u{77f}' | '\u{fb50}'..='\u{fdff}'
        | '\u{fe70}'..='\u{feff}')
}

fn is_other_letter(c: char) -> bool {
    c.is_alphabetic() && !is_latin(c) && !is_cjk(c) && !is_cyrillic(c) && !is_arabic(c)
}

/// The script the user wrote in. A CJK character carries about a word, so it weighs three
/// letters; a non-Latin script wins even against a fair amount of Latin (product names,
/// quoted English error messages).
fn dominant_script(text: &str) -> Script {
    let (mut latin, mut cjk, mut cyrillic, mut arabic, mut other) = (0, 0, 0, 0, 0);
    for c in text.chars() {
        if is_latin(c) {
            latin += 1;
        } else if is_cjk(c) {
            cjk += 3;
        } else if is_cyrillic(c) {
            cyrillic += 1;
        } else if is_arabic(c) {
            arabic += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    let best = [
        (cjk, Script::Cjk),
        (cyrillic, Script::Other(is_cyrillic)),
        (arabic, Script::Other(is_arabic)),
        (other, Script::Other(is_other_letter)),
    ]
    .into_iter()
    .max_by_key(|(n, _)| *n);
    match best {
        Some((n, script)) if n > 0 && n * 5 >= latin * 2 => script,
        _ => Script::Latin,
    }
}

/// Short texts defeat trigram models (Italian read as Spanish, English as Catalan); function
/// words decide when they clearly point one way, the trigram model otherwise. Each word
/// counts 1/n when n languages share it.
fn latin_language(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    // Distinct words: "again and again" is one piece of evidence, not two.
    let words: HashSet<&str> = lower
        .split(|c: char| !(c.is_alphabetic() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let index = function_word_index();
    let mut scores: Vec<(f64, &str)> = FUNCTION_WORDS.iter().map(|(l, _)| (0.0, *l)).collect();
    for w in &words {
        if let Some(langs) = index.get(w) {
            for &i in langs {
                scores[i].0 += 1.0 / langs.len() as f64;
            }
        }
    }
    // English inside other languages is common (quoted messages, UI strings), the reverse
    // rare: a clearly evident other language wins unless English dominates.
    let english = scores.iter().find(|(_, l)| *l == "en").map_or(0.0, |s| s.0);
    scores.retain(|(_, l)| *l != "en");
    scores.sort_by(|a, b| b.0.total_cmp(&a.0));
    let best = scores.first().copied().unwrap_or((0.0, ""));
    let second = scores.get(1).map_or(0.0, |s| s.0);
    if best.0 >= 2.0 && best.0 >= second * 1.5 && best.0 * 2.0 >= english {
        return Some(best.1.to_string());
    }
    if english >= 1.5 && english >= best.0 * 1.5 {
        return Some("en".to_string());
    }
    let latin_only: String = text
        .chars()
        .map(|c| {
            if is_latin(c) || !c.is_alphabetic() {
                c
            } else {
                ' '
            }
        })
        .collect();
    whatlang::detect_lang(&latin_only)
        .and_then(iso_639_1)
        .map(str::to_string)
}

/// Each function word with the languages (indexes into [`FUNCTION_WORDS`]) that list it.
fn function_word_index() -> &'static HashMap<&'static str, Vec<usize>> {
    static INDEX: std::sync::OnceLock<HashMap<&'static str, Vec<usize>>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
            for w in list.iter() {
                let langs = index.entry(w).or_default();
                if !langs.contains(&i) {
                    langs.push(i);
                }
            }
        }
        index
    })
}

/// The most frequent function words of common Latin-script languages.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "since",
            "until",
            "between",
            "during",
            "without",
            "under",
            "each",
            "something",
            "nothing",
            "nobody",
            "someone",
            "although",
            "while",
            "other",
            "another",
            "which",
            "who",
            "a",
            "no",
            "me",
            "so",
            "if",
            "or",
            "as",
            "by",
            "he",
            "she",
            "they",
            "his",
            "her",
            "our",
            "your",
            "has",
            "had",
            "will",
            "been",
            "were",
            "all",
            "some",
            "then",
            "than",
            "too",
            "very",
            "also",
            "into",
            "out",
            "up",
            "about",
            "because",
            "before",
            "still",
            "now",
            "please",
            "need",
            "want",
            "the",
            "and",
            "is",
            "to",
            "of",
            "in",
            "it",
            "that",
            "my",
            "i",
            "not",
            "with",
            "does",
            "do",
            "on",
            "for",
            "this",
            "was",
            "but",
            "after",
            "have",
            "can",
            "when",
            "at",
            "be",
            "are",
            "an",
            "from",
            "we",
            "you",
            "again",
            "doesn't",
            "don't",
            "can't",
            "cannot",
            "it's",
            "i'm",
            "there",
            "what",
            "how",
            "anymore",
            "just",
            "only",
            "would",
            "should",
            "any",
        ],
    ),
    (
        "fr",
        &[
            "depuis", "jusqu'à", "entre", "pendant", "chez", "vers", "sous", "aucun", "chaque",
            "quelque", "alors", "donc", "lorsque", "aussi", "autre", "même", "à", "en", "y",
            "nous", "vous", "ils", "on", "si", "tout", "tous", "toujours", "jamais", "encore",
            "déjà", "parce", "quand", "où", "ici", "ai", "a", "mais", "fait", "le", "la", "les",
            "de", "des", "du", "un", "une", "et", "est", "je", "ne", "pas", "il", "elle", "que",
            "qui", "dans", "pour", "sur", "avec", "mon", "ma", "mes", "au", "aux", "ce", "cette",
            "se", "plus", "après", "sans", "j'ai", "c'est", "n'est", "rien", "très", "mais", "ou",
            "être", "suis", "ça",
        ],
    ),
    (
        "de",
        &[
            "seit", "zwischen", "während", "unter", "gegen", "durch", "jeder", "etwas", "nichts",
            "niemand", "also", "obwohl", "deshalb", "sonst", "andere", "vom", "beim", "ins", "wir",
            "sie", "er", "man", "dass", "weil", "wo", "hier", "jetzt", "schon", "sehr", "ohne",
            "für", "über", "vor", "bis", "ob", "wie", "was", "bin", "hat", "haben", "war", "sind",
            "dann", "der", "die", "das", "und", "ist", "ich", "nicht", "ein", "eine", "einen",
            "mit", "auf", "zu", "den", "dem", "des", "es", "sich", "von", "mein", "meine", "nach",
            "auch", "wird", "kann", "keine", "kein", "bei", "wenn", "aber", "oder", "im", "am",
            "zum", "zur", "wurde", "habe", "immer", "nur", "noch", "mehr",
        ],
    ),
    (
        "es",
        &[
            "desde", "hasta", "sobre", "entre", "durante", "según", "otro", "otra", "cada", "algo",
            "nadie", "alguien", "ni", "tampoco", "entonces", "aunque", "mientras", "a", "su",
            "sus", "porque", "donde", "aquí", "ahora", "siempre", "nunca", "mismo", "solo", "todo",
            "más", "estoy", "tengo", "fue", "ser", "sí", "esto", "eso", "este", "esta", "el", "la",
            "los", "las", "de", "del", "y", "es", "en", "que", "no", "un", "una", "con", "por",
            "para", "mi", "se", "lo", "al", "pero", "como", "está", "muy", "sin", "después",
            "cuando", "también", "puedo", "hay", "me", "nada", "sólo", "ya", "o", "mis",
        ],
    ),
    (
        "it",
        &[
            "dalla", "dal", "alla", "allo", "nei", "negli", "tra", "fra", "senza", "verso",
            "durante", "però", "quindi", "mentre", "qualcosa", "nessuno", "altro", "a", "ci",
            "questo", "questa", "perché", "dove", "qui", "ora", "sempre", "mai", "stesso", "solo",
            "tutto", "ancora", "sto", "stato", "essere", "c'è", "ogni", "il", "lo", "la", "gli",
            "le", "di", "del", "della", "e", "è", "che", "non", "un", "una", "per", "con", "mio",
            "mia", "si", "al", "ma", "come", "dopo", "anche", "sono", "ho", "nel", "nella", "sul",
            "sulla", "da", "dei", "degli", "quando", "più", "mi", "niente",
        ],
    ),
    (
        "pt",
        &[
            "desde", "até", "sobre", "entre", "durante", "cada", "algo", "ninguém", "alguém",
            "nem", "então", "embora", "enquanto", "outro", "outra", "às", "aos", "pelo", "pela",
            "nos", "nas", "ele", "ela", "isso", "isto", "muito", "sem", "só", "ainda", "mais",
            "foi", "ser", "ter", "tem", "estou", "porque", "onde", "aqui", "agora", "sempre",
            "nunca", "mesmo", "apenas", "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e",
            "é", "que", "não", "um", "uma", "com", "por", "para", "meu", "minha", "se", "no", "na",
            "ao", "mas", "como", "depois", "está", "também", "quando", "em", "nada", "já", "eu",
            "ou",
        ],
    ),
    (
        "nl",
        &[
            "wij", "ze", "hij", "dit", "die", "wat", "hoe", "waar", "hier", "nu", "al", "heb",
            "heeft", "was", "door", "uit", "naar", "over", "de", "het", "een", "en", "is", "van",
            "ik", "niet", "dat", "met", "op", "te", "voor", "mijn", "zijn", "maar", "na", "ook",
            "geen", "wordt", "als", "bij", "er", "nog", "kan", "om",
        ],
    ),
    (
        "ca",
        &[
            "el", "la", "els", "les", "de", "del", "i", "és", "que", "no", "un", "una", "amb",
            "per", "meu", "meva", "es", "al", "però", "com", "després", "també", "quan", "res",
            "ja", "jo",
        ],
    ),
    (
        "pl",
        &[
            "i", "w", "z", "na", "nie", "się", "to", "jest", "do", "że", "o", "po", "mój", "moja",
            "ale", "jak", "tak", "czy", "już", "od", "dla", "przez", "jestem",
        ],
    ),
    (
        "tr",
        &[
            "ve", "bir", "bu", "da", "de", "ile", "için", "değil", "çok", "ama", "ben", "benim",
            "sonra", "gibi", "daha", "olarak", "var", "yok", "ne", "mi",
        ],
    ),
    (
        "sv",
        &[
            "och", "är", "att", "det", "en", "ett", "i", "på", "jag", "inte", "med", "för", "min",
            "som", "av", "men", "efter", "den", "till", "har", "kan",
        ],
    ),
    (
        "id",
        &[
            "dan", "yang", "di", "ini", "itu", "tidak", "dengan", "untuk", "saya", "ke", "dari",
            "ada", "bisa", "sudah", "setelah", "juga",
        ],
    ),
    (
        "ro",
        &[
            "și", "este", "nu", "un", "o", "în", "la", "cu", "pe", "de", "că", "mea", "meu",
            "după", "dar", "care", "sunt", "se",
        ],
    ),
];

fn iso_639_1(lang: Lang) -> Option<&'static str> {
    use Lang::*;
    Some(match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(text: &str) -> Answer {
        Answer {
            heading: Some("What happened instead?".into()),
            text: text.into(),
        }
    }

    #[test]
    fn detects_on_the_users_words_not_the_headings() {
        let a = [answer(
            "Le navigateur Tor ne se connecte pas au réseau, il reste bloqué à dix pour cent.",
        )];
        assert_eq!(detect(Some("Tor ne marche pas"), &a).as_deref(), Some("fr"));
        let a = [answer(
            "Постоянное хранилище не разблокируется после обновления.",
        )];
        assert_eq!(detect(None, &a).as_deref(), Some("ru"));
    }

    #[test]
    fn pasted_markup_and_repetition_do_not_outvote_the_user() {
        let long = ["I tried again and again."; 50].join(" ");
        let a = [answer(&format!(
            "<p>Hello,</p><p>I have a <b>big</b> problem &amp; need help.</p>\n\
             O Tails não consegue ligar à rede Tor depois da atualização.\n{long}"
        ))];
        assert_eq!(
            detect(Some("Problema com o Tor"), &a).as_deref(),
            Some("pt")
        );
    }

    #[test]
    fn too_little_text_gives_no_language() {
        assert_eq!(detect(Some("Tails"), &[]), None);
    }
}
