//! HTML mail is stored as received and only ever shown sanitized.

/// Safe HTML for display: scripts, handlers, remote-loading attributes and styles removed.
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(html)
        .to_string()
}

/// The readable text of an HTML part (tags dropped), for language detection and previews.
pub fn to_text(html: &str) -> String {
    let bare = ammonia::Builder::empty().clean(html).to_string();
    bare.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", " ")
        .replace("&#39;", "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_go() {
        let s = sanitize(
            "<p onclick=\"x()\">hi<script>alert(1)</script><img src=\"javascript:x\"></p>",
        );
        assert!(!s.contains("script"), "{s}");
        assert!(!s.contains("onclick"), "{s}");
        assert!(!s.contains("javascript"), "{s}");
        assert!(s.contains("hi"));
        assert_eq!(to_text("<p>Tom &amp; Jerry</p>").trim(), "Tom & Jerry");
    }
}
