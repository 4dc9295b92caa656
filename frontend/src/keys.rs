//! Keyboard shortcuts: j/k move in lists, r reply, c comment, / search, ? help.
//!
//! They act on the DOM (focus a row link, click a labelled button) so that every shortcut
//! has a visible, clickable equivalent and pages need no extra wiring.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// What a key press asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    Next,
    Previous,
    Reply,
    Comment,
    Search,
    ToggleHelp,
    Close,
}

/// The shortcut for `key`, or `None`. Typing in a field or with a modifier is left alone
/// (except Escape, which always closes the help).
pub fn action_for(key: &str, in_field: bool, modifier: bool) -> Option<KeyAction> {
    if key == "Escape" {
        return Some(KeyAction::Close);
    }
    if in_field || modifier {
        return None;
    }
    match key {
        "j" => Some(KeyAction::Next),
        "k" => Some(KeyAction::Previous),
        "r" => Some(KeyAction::Reply),
        "c" => Some(KeyAction::Comment),
        "/" => Some(KeyAction::Search),
        "?" => Some(KeyAction::ToggleHelp),
        _ => None,
    }
}

/// The list of shortcuts, for the help overlay.
pub const HELP: &[(&str, &str)] = &[
    ("j", "next ticket in the list"),
    ("k", "previous ticket in the list"),
    ("Enter", "open the selected ticket"),
    ("r", "reply to the requestor (on a ticket)"),
    ("c", "comment (on a ticket)"),
    ("/", "search"),
    ("?", "show or hide this help"),
    ("Esc", "close this help"),
];

/// Index of the row to focus after `action`, given the focused one.
pub fn step(current: Option<usize>, len: usize, action: KeyAction) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (current, action) {
        (None, KeyAction::Previous) => len - 1,
        (None, _) => 0,
        (Some(i), KeyAction::Next) => (i + 1).min(len - 1),
        (Some(i), KeyAction::Previous) => i.saturating_sub(1),
        (Some(i), _) => i,
    })
}

fn in_field(ev: &KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            matches!(tag.as_str(), "input" | "textarea" | "select")
                || el.has_attribute("contenteditable")
        })
}

fn focus_row(action: KeyAction) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(rows) = doc.query_selector_all("a.row-link") else {
        return;
    };
    let active = doc.active_element();
    let len = rows.length() as usize;
    let current = (0..rows.length()).position(|i| {
        rows.item(i)
            .zip(active.as_ref())
            .is_some_and(|(n, a)| n.is_same_node(Some(a)))
    });
    if let Some(next) = step(current, len, action) {
        if let Some(el) = rows
            .item(next as u32)
            .and_then(|n| n.dyn_into::<HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
}

fn click(selector: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .map(|e| e.click())
        .is_some()
}

fn focus(selector: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .map(|e| e.focus().is_ok())
        .unwrap_or(false)
}

/// Installs the window-wide handler; `help` is the overlay's visibility.
pub fn install(help: RwSignal<bool>) {
    let navigate = use_navigate();
    let handle = window_event_listener(ev::keydown, move |ev: KeyboardEvent| {
        let modifier = ev.ctrl_key() || ev.meta_key() || ev.alt_key();
        let Some(action) = action_for(&ev.key(), in_field(&ev), modifier) else {
            return;
        };
        match action {
            KeyAction::Close => {
                if help.get_untracked() {
                    help.set(false);
                    ev.prevent_default();
                }
                return;
            }
            KeyAction::ToggleHelp => help.update(|h| *h = !*h),
            KeyAction::Next | KeyAction::Previous => focus_row(action),
            KeyAction::Reply => {
                click("#action-reply");
            }
            KeyAction::Comment => {
                click("#action-comment");
            }
            KeyAction::Search => {
                if !focus("#search-text") {
                    navigate("/search", NavigateOptions::default());
                }
            }
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions_outside_fields() {
        assert_eq!(action_for("j", false, false), Some(KeyAction::Next));
        assert_eq!(action_for("k", false, false), Some(KeyAction::Previous));
        assert_eq!(action_for("r", false, false), Some(KeyAction::Reply));
        assert_eq!(action_for("c", false, false), Some(KeyAction::Comment));
        assert_eq!(action_for("/", false, false), Some(KeyAction::Search));
        assert_eq!(action_for("?", false, false), Some(KeyAction::ToggleHelp));
        assert_eq!(action_for("x", false, false), None);
    }

    #[test]
    fn typing_is_left_alone_but_escape_closes() {
        assert_eq!(action_for("j", true, false), None);
        assert_eq!(action_for("r", false, true), None);
        assert_eq!(action_for("Escape", true, false), Some(KeyAction::Close));
    }

    #[test]
    fn steps_stay_inside_the_list() {
        assert_eq!(step(None, 0, KeyAction::Next), None);
        assert_eq!(step(None, 3, KeyAction::Next), Some(0));
        assert_eq!(step(None, 3, KeyAction::Previous), Some(2));
        assert_eq!(step(Some(1), 3, KeyAction::Next), Some(2));
        assert_eq!(step(Some(2), 3, KeyAction::Next), Some(2));
        assert_eq!(step(Some(0), 3, KeyAction::Previous), Some(0));
    }
}
