//! MIME trees of transactions, as RT stores them: a container with parts beneath it.

/// One node of a transaction's MIME tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    pub content_type: String,
    pub filename: String,
    pub subject: String,
    pub message_id: String,
    /// Header lines joined by `\n`, as RT exposes them.
    pub headers: String,
    /// `none`, `base64` or `quoted-printable`: how the part was encoded on the wire.
    pub content_encoding: String,
    pub content: Vec<u8>,
    pub children: Vec<Part>,
}

/// A file given through an API (multipart part or base64 JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInput {
    pub filename: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

impl Part {
    pub fn is_text(&self) -> bool {
        let ct = self.content_type.to_ascii_lowercase();
        ct.starts_with("text/") && self.filename.is_empty()
    }
}

fn text_part(subject: &str, content: &str, content_type: &str) -> Part {
    let ct = if content_type.is_empty() {
        "text/plain"
    } else {
        content_type
    };
    Part {
        content_type: ct.to_owned(),
        subject: subject.to_owned(),
        headers: format!(
            "Content-Type: {ct}; charset=\"UTF-8\"\nContent-Transfer-Encoding: 8bit\nX-RT-Original-Encoding: utf-8\nContent-Length: {}",
            content.len()
        ),
        content_encoding: "none".into(),
        content: content.as_bytes().to_vec(),
        ..Part::default()
    }
}

fn file_part(f: &FileInput) -> Part {
    let ct = if f.content_type.is_empty() {
        "application/octet-stream"
    } else {
        f.content_type.as_str()
    };
    let safe_name = f.filename.replace(['"', '\r', '\n'], "_");
    Part {
        content_type: ct.to_owned(),
        filename: f.filename.clone(),
        headers: format!(
            "Content-Type: {ct}; name=\"{safe_name}\"\nContent-Disposition: attachment; filename=\"{safe_name}\"\nContent-Transfer-Encoding: base64\nContent-Length: {}",
            f.content.len()
        ),
        content_encoding: "base64".into(),
        content: f.content.clone(),
        ..Part::default()
    }
}

/// The tree RT builds for content given through its API: a lone text part, or a
/// `multipart/mixed` container holding the text and each file.
pub fn message_tree(
    subject: &str,
    content: Option<&str>,
    content_type: &str,
    files: &[FileInput],
) -> Option<Part> {
    if files.is_empty() {
        return content.map(|c| text_part(subject, c, content_type));
    }
    let mut children = Vec::with_capacity(files.len() + 1);
    if let Some(c) = content {
        children.push(text_part("", c, content_type));
    }
    children.extend(files.iter().map(file_part));
    Some(Part {
        content_type: "multipart/mixed".into(),
        subject: subject.to_owned(),
        headers: "Content-Type: multipart/mixed".into(),
        content_encoding: "none".into(),
        children,
        ..Part::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_go_under_a_container() {
        let f = FileInput {
            filename: "a.bin".into(),
            content_type: "application/octet-stream".into(),
            content: vec![0, 255, 13, 10],
        };
        let t = message_tree("s", Some("hi"), "text/plain", &[f]).unwrap_or_default();
        assert_eq!(t.content_type, "multipart/mixed");
        assert_eq!(t.children.len(), 2);
        assert_eq!(t.children[1].content, vec![0, 255, 13, 10]);
        assert!(t.children[0].is_text());
        assert!(!t.children[1].is_text());
        assert_eq!(message_tree("s", None, "", &[]), None);
    }
}
