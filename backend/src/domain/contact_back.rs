//! Contacting users back when a known issue is fixed: which template answer each linked
//! ticket gets, by its language with a fallback to a default language.

use std::collections::BTreeMap;

use super::error::{DomainError, DomainResult};

/// Why a linked ticket gets no reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// A reply for this issue was already sent: the action never replies twice.
    AlreadyContacted,
    /// Nobody to reply to.
    NoRequestor,
    /// Neither the ticket's language nor the default language has an answer.
    NoAnswerForLanguage,
}

impl Skip {
    pub fn as_str(self) -> &'static str {
        match self {
            Skip::AlreadyContacted => "already_contacted",
            Skip::NoRequestor => "no_requestor",
            Skip::NoAnswerForLanguage => "no_answer_for_language",
        }
    }
}

/// A language code as answers and queues store it (`en`, `pt-br` → lower case).
pub fn language(s: &str) -> DomainResult<String> {
    let l = s.trim().to_ascii_lowercase();
    let ok = (2..=8).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    if ok {
        Ok(l)
    } else {
        Err(DomainError::Invalid(format!(
            "Invalid language '{}': expected an ISO 639-1 code such as en",
            s.trim()
        )))
    }
}

/// Answers by language; at most one answer per language.
pub fn by_language(answers: &[(i64, String)]) -> DomainResult<BTreeMap<String, i64>> {
    if answers.is_empty() {
        return Err(DomainError::Invalid(
            "Give at least one template answer in 'answers'".into(),
        ));
    }
    let mut out = BTreeMap::new();
    for (id, lang) in answers {
        let lang = lang.trim().to_ascii_lowercase();
        if let Some(other) = out.insert(lang.clone(), *id) {
            if other != *id {
                return Err(DomainError::Invalid(format!(
                    "Answers {other} and {id} are both in '{lang}': give one answer per language"
                )));
            }
        }
    }
    Ok(out)
}

/// The (language, answer) a ticket in `ticket_language` gets: its own language's answer, else
/// the default language's.
pub fn choose(
    answers: &BTreeMap<String, i64>,
    ticket_language: &str,
    default_language: &str,
) -> Option<(String, i64)> {
    let own = ticket_language.trim().to_ascii_lowercase();
    answers.get(&own).map(|a| (own, *a)).or_else(|| {
        answers
            .get(default_language)
            .map(|a| (default_language.to_owned(), *a))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_language_first_then_default() {
        let a = by_language(&[(1, "en".into()), (2, "FR".into())]).unwrap();
        assert_eq!(choose(&a, "fr", "en"), Some(("fr".into(), 2)));
        assert_eq!(choose(&a, "de", "en"), Some(("en".into(), 1)));
        assert_eq!(choose(&a, "de", "es"), None);
    }

    #[test]
    fn one_answer_per_language() {
        assert!(by_language(&[(1, "en".into()), (3, "en".into())]).is_err());
        assert!(by_language(&[]).is_err());
        assert!(language("english!").is_err());
        assert_eq!(language(" EN ").unwrap(), "en");
    }
}
