//! RT REST 1.0 framing: `RT/<version> <code> <reason>`, a blank line, then `Key: value` forms.

use actix_web::HttpResponse;

use crate::api::error::ApiError;

pub const VERSION: &str = concat!("RT/", env!("CARGO_PKG_VERSION"));

/// One REST 1.0 answer; always sent with HTTP 200, as RT does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub code: u16,
    pub reason: &'static str,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn ok(body: impl Into<String>) -> Self {
        Self::new(200, "Ok", body)
    }

    pub fn new(code: u16, reason: &'static str, body: impl Into<String>) -> Self {
        Self {
            code,
            reason,
            body: body.into().into_bytes(),
        }
    }

    /// `# text` comment line(s) with status 200.
    pub fn comment(text: &str) -> Self {
        Self::ok(format!("# {text}\n"))
    }

    pub fn bad_request(text: &str) -> Self {
        Self::new(400, "Bad Request", format!("# {text}\n"))
    }

    pub fn credentials_required() -> Self {
        Self::new(401, "Credentials required", "")
    }

    pub fn bad_password() -> Self {
        Self::new(
            401,
            "Credentials required",
            "Your username or password is incorrect\n",
        )
    }

    pub fn syntax_error(text: &str) -> Self {
        Self::new(409, "Syntax Error", format!("# {text}\n"))
    }

    pub fn not_allowed(text: &str) -> Self {
        Self::new(403, "Permission denied", format!("# {text}\n"))
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut out = format!("{VERSION} {} {}\n\n", self.code, self.reason).into_bytes();
        out.extend_from_slice(&self.body);
        out
    }

    pub fn into_response(self) -> HttpResponse {
        HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body(self.bytes())
    }
}

/// Errors from the shared layers, in RT's REST 1.0 shapes (never an HTTP error).
impl From<ApiError> for Reply {
    fn from(e: ApiError) -> Self {
        match e {
            ApiError::NotFound => Self::bad_request("Not found"),
            ApiError::BadRequest(m) | ApiError::Conflict(m) => Self::bad_request(&m),
            ApiError::Unauthorized | ApiError::LoginRedirect => Self::credentials_required(),
            ApiError::Forbidden => Self::new(403, "Forbidden", "# Permission Denied\n"),
            ApiError::TooLarge => Self::bad_request("Request body too large"),
            ApiError::Unavailable(m) => Self::new(503, "Service Unavailable", format!("# {m}\n")),
            ApiError::Internal(detail) => {
                tracing::error!(error = %detail, "internal error");
                Self::new(500, "Server Error", "# Internal error\n")
            }
        }
    }
}

/// A form to print: each key with one value, several (a list), or none (`Key:`).
pub type Out = Vec<(String, Vec<String>)>;

pub fn one(out: &mut Out, key: &str, value: impl Into<String>) {
    out.push((key.to_owned(), vec![value.into()]));
}

pub fn many(out: &mut Out, key: &str, values: Vec<String>) {
    out.push((key.to_owned(), values));
}

/// RT's `form_compose`: `Key: value`; lists joined by `, ` and wrapped before 70 columns;
/// multi-line values indented to the column after `Key: ` (4 when that is past 16) and set
/// off by blank lines; several forms joined by `\n--\n\n`.
pub fn compose(forms: &[Out]) -> String {
    let texts: Vec<String> = forms.iter().map(compose_one).collect();
    texts.join("\n--\n\n")
}

fn compose_one(form: &Out) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (key, values) in form {
        let sp_len = if key.len() + 2 > 16 { 4 } else { key.len() + 2 };
        let sp = " ".repeat(sp_len);
        let mut line = String::new();
        for v in values {
            if v.contains('\n') {
                let body = v.strip_suffix('\n').unwrap_or(v);
                let mut indented = body.replace('\n', &format!("\n{sp}"));
                if body.len() != v.len() {
                    indented.push('\n');
                }
                if !line.is_empty() {
                    lines.push(format!("{line}\n\n"));
                    line.clear();
                } else if let Some(last) = lines.last_mut() {
                    if !last.ends_with("\n\n") {
                        last.push('\n');
                    }
                }
                lines.push(format!("{key}: {indented}\n\n"));
            } else if !line.is_empty() && {
                let col = line.rfind('\n').map_or(line.len() + 1, |i| line.len() - i);
                col + v.len() >= 70
            } {
                line = format!("{line},\n{sp}{v}");
            } else if line.is_empty() {
                line = format!("{key}: {v}");
            } else {
                line = format!("{line}, {v}");
            }
        }
        if values.is_empty() {
            line = format!("{key}:");
        }
        if !line.is_empty() {
            if line.contains('\n') {
                if let Some(last) = lines.last_mut() {
                    if !last.ends_with("\n\n") {
                        last.push('\n');
                    }
                }
                line.push('\n');
            }
            lines.push(format!("{line}\n"));
        }
    }
    lines.concat()
}

/// Appends `Key: value`, continuing a multi-line value indented to the column after `Key: `.
pub fn field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push(':');
    let mut lines = value.split('\n');
    if let Some(first) = lines.next() {
        out.push(' ');
        out.push_str(first);
    }
    let pad = " ".repeat(key.len() + 2);
    for l in lines {
        out.push('\n');
        out.push_str(&pad);
        out.push_str(l);
    }
    out.push('\n');
}

/// A list value: `a,\n   b` — comma-separated, one per continuation line, as RT prints lists.
pub fn list_field(out: &mut String, key: &str, items: &[String]) {
    field(out, key, &items.join(",\n"));
}

/// One parsed form: `Key: value` pairs in order (continuations joined with `\n`).
pub type Form = Vec<(String, String)>;

/// Parses RT form text: comments (`#`) and blank lines between fields are skipped, a value
/// continues on lines that start with whitespace (their common indentation is removed, as RT's
/// `form_parse` does, so indented text and inner blank lines survive), forms are separated by
/// `--`. A line that is none of these is an error.
pub fn parse_forms(text: &str) -> Result<Vec<Form>, String> {
    struct Pending {
        key: String,
        first: String,
        more: Vec<String>,
    }
    fn finish(form: &mut Form, p: Option<Pending>) {
        let Some(mut p) = p else { return };
        while p.more.last().is_some_and(|l| l.is_empty()) {
            p.more.pop();
        }
        let indent = p
            .more
            .iter()
            .filter(|l| !l.is_empty())
            .map(|l| l.len() - l.trim_start().len())
            .min()
            .unwrap_or(0);
        let mut value = p.first;
        for l in &p.more {
            if !value.is_empty() || !l.is_empty() {
                if !value.is_empty() {
                    value.push('\n');
                }
                value.push_str(l.get(indent..).unwrap_or(""));
            }
        }
        form.push((p.key, value));
    }
    let mut forms = vec![Form::new()];
    let mut pending: Option<Pending> = None;
    for raw in text.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line == "--" {
            if let Some(f) = forms.last_mut() {
                finish(f, pending.take());
            }
            forms.push(Form::new());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if let Some(p) = pending.as_mut() {
                p.more.push(String::new());
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            match pending.as_mut() {
                Some(p) => p.more.push(line.trim_end().to_owned()),
                None => return Err(format!("Syntax error near: {}", line.trim())),
            }
            continue;
        }
        let (key, value) = if let Some(rest) = line.strip_prefix("CF.{") {
            match rest.split_once('}') {
                Some((name, tail)) => match tail.strip_prefix(':') {
                    Some(v) => (format!("CF.{{{name}}}"), v),
                    None => return Err(format!("Syntax error near: {line}")),
                },
                None => return Err(format!("Syntax error near: {line}")),
            }
        } else {
            match line.split_once(':') {
                Some((k, v)) if is_key(k) => (k.to_owned(), v),
                _ => return Err(format!("Syntax error near: {line}")),
            }
        };
        if let Some(f) = forms.last_mut() {
            finish(f, pending.take());
        }
        pending = Some(Pending {
            key,
            first: value.trim().to_owned(),
            more: Vec::new(),
        });
    }
    if let Some(f) = forms.last_mut() {
        finish(f, pending.take());
    }
    forms.retain(|f| !f.is_empty());
    Ok(forms)
}

fn is_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '{' | '}' | ' '))
}

/// Case-insensitive lookup, as RT matches form keys.
pub fn get<'a>(form: &'a Form, key: &str) -> Option<&'a str> {
    form.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v.as_str())
}

/// `<n>b` up to 1024 bytes, else kilobytes truncated to one decimal, as RT lists sizes.
pub fn size(n: i64) -> String {
    if n <= 1024 {
        format!("{n}b")
    } else {
        let tenths = n * 10 / 1024;
        if tenths % 10 == 0 {
            format!("{}k", tenths / 10)
        } else {
            format!("{}.{}k", tenths / 10, tenths % 10)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_and_forms() {
        let r = Reply::comment("Ticket 3 created.");
        assert_eq!(
            String::from_utf8_lossy(&r.bytes()),
            format!("{VERSION} 200 Ok\n\n# Ticket 3 created.\n")
        );
        let mut s = String::new();
        field(&mut s, "Text", "a\nb");
        assert_eq!(s, "Text: a\n      b\n");
        let forms = parse_forms("id: ticket/new\nText: one\n      two\nCF.{A: b}: x\n--\nid: 2\n")
            .unwrap_or_default();
        assert_eq!(forms.len(), 2);
        assert_eq!(get(&forms[0], "text"), Some("one\ntwo"));
        assert_eq!(get(&forms[0], "CF.{A: b}"), Some("x"));
        assert!(parse_forms("garbage without colon").is_err());
        let forms = parse_forms("Text: a\n      \n        indented\n      b\n\nCc: x\n")
            .unwrap_or_default();
        assert_eq!(get(&forms[0], "Text"), Some("a\n\n  indented\nb"));
        assert_eq!(get(&forms[0], "Cc"), Some("x"));
        let forms = parse_forms("Text:\n  only continuation\n").unwrap_or_default();
        assert_eq!(get(&forms[0], "Text"), Some("only continuation"));
        let mut o = Out::new();
        one(&mut o, "id", "ticket/1");
        many(&mut o, "Cc", vec![]);
        one(&mut o, "Content", "a\nb");
        one(&mut o, "Creator", "root");
        assert_eq!(
            compose(&[o.clone(), o]),
            "id: ticket/1\nCc:\n\nContent: a\n         b\n\nCreator: root\n\n--\n\nid: ticket/1\nCc:\n\nContent: a\n         b\n\nCreator: root\n"
        );
        assert_eq!(size(1024), "1024b");
        assert_eq!(size(1025), "1k");
        assert_eq!(size(2560), "2.5k");
    }
}
