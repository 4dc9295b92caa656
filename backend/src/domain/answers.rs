//! Template answers: validation and filling `{{variable}}` placeholders.

use std::collections::BTreeMap;

pub const VARIABLES: &[&str] = &[
    "requester_name",
    "ticket_id",
    "queue",
    "supporter_name",
    "subject",
];

pub const MAX_TITLE: usize = 200;
pub const MAX_BODY: usize = 65_536;

/// Replaces every known `{{ name }}`; unknown names stay as written and are returned.
pub fn fill(body: &str, values: &BTreeMap<&str, String>) -> (String, Vec<String>) {
    let mut out = String::with_capacity(body.len());
    let mut unknown = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = after[..end].trim();
                match values.get(name) {
                    Some(v) => out.push_str(v),
                    None => {
                        out.push_str(&rest[start..start + 2 + end + 2]);
                        if !unknown.iter().any(|u| u == name) {
                            unknown.push(name.to_owned());
                        }
                    }
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    (out, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_and_reports_unknown() {
        let mut v = BTreeMap::new();
        v.insert("requester_name", "Ada".to_owned());
        v.insert("ticket_id", "42".to_owned());
        let (s, u) = fill(
            "Hi {{requester_name}}, about #{{ ticket_id }} {{nope}} {{",
            &v,
        );
        assert_eq!(s, "Hi Ada, about #42 {{nope}} {{");
        assert_eq!(u, vec!["nope".to_owned()]);
    }
}
