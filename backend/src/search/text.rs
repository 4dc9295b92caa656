//! Text as the index sees it: HTML reduced to text, words, and highlighted snippets.

/// Longest text indexed per ticket; the rest of a huge ticket (logs) is left out.
pub const MAX_TICKET_TEXT: usize = 512 * 1024;

/// The readable text of an HTML part (no markup, no link targets).
pub fn html_to_text(html: &[u8]) -> String {
    html2text::config::plain_no_decorate()
        .string_from_read(html, 100_000)
        .unwrap_or_else(|_| String::from_utf8_lossy(html).into_owned())
}

/// Search words of `text`: runs of letters and digits. Only these ever reach an index
/// query, so no user punctuation is read as query syntax.
pub fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// `text` cut to at most `max` bytes on a character boundary.
pub fn truncate(text: &mut String, max: usize) {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
}

/// One piece of a snippet; `highlight` marks a word that matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub highlight: bool,
}

/// Words of a snippet either side of the best match.
const BEFORE: usize = 8;
const AFTER: usize = 22;

fn matches(word: &str, terms: &[String]) -> bool {
    // Most words share no first letter with any term: decide those without allocating.
    let Some(first) = word.chars().next().and_then(|c| c.to_lowercase().next()) else {
        return false;
    };
    if !terms.iter().any(|t| t.starts_with(first)) {
        return false;
    }
    let w = word.to_lowercase();
    terms.iter().any(|t| {
        // Indexes stem ("cards" finds "card"); a prefix test mirrors that closely enough
        // for highlighting, but short terms must match whole words.
        if t.chars().count() < 4 {
            w == *t
        } else {
            w.starts_with(t.as_str()) || (t.starts_with(w.as_str()) && w.chars().count() >= 4)
        }
    })
}

/// Word spans (byte ranges) of a text.
type Spans = Vec<(usize, usize)>;

/// The best window so far: distinct terms in it, the text, its word spans, the first hit.
type Best = (usize, String, Spans, usize);

/// The stretch of `texts` with the most distinct query terms, as pieces; `None` when no
/// word of any text matches (an index hit through stemming the prefix test missed). Texts
/// are taken one at a time and no more are taken once one holds every term, so a lazy
/// iterator (decrypting message by message) does only the work the snippet needs.
pub fn snippet<I>(texts: I, query: &str) -> Option<Vec<Piece>>
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let terms: Vec<String> = words(query).iter().map(|w| w.to_lowercase()).collect();
    if terms.is_empty() {
        return None;
    }
    let mut best: Option<Best> = None;
    for item in texts {
        let text = item.as_ref();
        let spans: Spans = text
            .char_indices()
            .filter(|(_, c)| c.is_alphanumeric())
            .fold(Vec::new(), |mut acc: Vec<(usize, usize)>, (i, c)| {
                match acc.last_mut() {
                    Some(last) if last.1 == i => last.1 = i + c.len_utf8(),
                    _ => acc.push((i, i + c.len_utf8())),
                }
                acc
            });
        let mut here: Option<(usize, usize)> = None;
        for (k, &(s, e)) in spans.iter().enumerate() {
            if !matches(&text[s..e], &terms) {
                continue;
            }
            let window = &spans[k..spans.len().min(k + AFTER)];
            let mut seen: Vec<String> = Vec::new();
            for &(ws, we) in window {
                let w = text[ws..we].to_lowercase();
                if matches(&w, &terms) && !seen.contains(&w) {
                    seen.push(w);
                }
            }
            let so_far = here
                .map_or(0, |h| h.0)
                .max(best.as_ref().map_or(0, |b| b.0));
            if seen.len() > so_far {
                here = Some((seen.len(), k));
            }
            if seen.len() == terms.len() {
                break;
            }
        }
        if let Some((n, k)) = here {
            best = Some((n, text.to_owned(), spans, k));
        }
        if best.as_ref().is_some_and(|b| b.0 == terms.len()) {
            break;
        }
    }
    let (_, text, spans, k) = best?;
    let first = k.saturating_sub(BEFORE);
    let last = (k + AFTER).min(spans.len()) - 1;
    let mut pieces = Vec::new();
    let mut plain = String::new();
    if first > 0 {
        plain.push('…');
    }
    let mut pos = spans[first].0;
    for &(s, e) in &spans[first..=last] {
        plain.push_str(&squash(&text[pos..s]));
        let w = &text[s..e];
        if matches(w, &terms) {
            if !plain.is_empty() {
                pieces.push(Piece {
                    text: std::mem::take(&mut plain),
                    highlight: false,
                });
            }
            pieces.push(Piece {
                text: w.to_owned(),
                highlight: true,
            });
        } else {
            plain.push_str(w);
        }
        pos = e;
    }
    if last + 1 < spans.len() {
        plain.push('…');
    }
    if !plain.is_empty() {
        pieces.push(Piece {
            text: plain,
            highlight: false,
        });
    }
    Some(pieces)
}

/// Whitespace runs (line breaks included) become one space.
fn squash(between: &str) -> String {
    let mut out = String::with_capacity(between.len());
    let mut space = false;
    for c in between.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(p: &[Piece]) -> String {
        p.iter()
            .map(|p| {
                if p.highlight {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn snippet_marks_terms_and_prefers_the_densest_stretch() {
        let a = "Hello, my laptop does not boot.";
        let b = "The Realtek card works\nbut the Realtek driver (r8169) crashes.";
        let s = snippet(&[a, b], "realtek DRIVER").expect("a hit");
        assert_eq!(
            render(&s),
            "The [Realtek] card works but the [Realtek] [driver] (r8169) crashes"
        );
    }

    #[test]
    fn snippet_elides_around_a_long_text_and_matches_stems() {
        let long = format!("{} cards here {}", "word ".repeat(40), "tail ".repeat(40));
        let s = render(&snippet(&[&long], "card").expect("a hit"));
        assert!(s.starts_with('…'), "{s}");
        assert!(s.ends_with('…'), "{s}");
        assert!(s.contains("[cards]"), "{s}");
        assert_eq!(s.matches("word").count(), BEFORE);
    }

    #[test]
    fn snippet_without_a_match_is_none_and_short_terms_are_whole_words() {
        assert_eq!(snippet(&["nothing here"], "realtek"), None);
        assert_eq!(snippet(&["information"], "in"), None);
        assert_eq!(snippet(&["x"], "!!"), None);
    }

    #[test]
    fn html_is_reduced_to_text() {
        let t = html_to_text(b"<html><body><p>Wi-Fi <b>fails</b></p><script>x()</script><a href=\"http://e.x\">here</a></body></html>");
        assert!(t.contains("Wi-Fi fails"), "{t}");
        assert!(t.contains("here"), "{t}");
        assert!(!t.contains('<') && !t.contains("e.x"), "{t}");
    }

    #[test]
    fn truncate_keeps_char_boundaries() {
        let mut s = "ééé".to_owned();
        truncate(&mut s, 3);
        assert_eq!(s, "é");
    }
}
