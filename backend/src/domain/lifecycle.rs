//! RT's default lifecycle: which statuses exist and how tickets move between them.

pub const INITIAL: &[&str] = &["new"];
pub const ACTIVE: &[&str] = &["open", "stalled"];
pub const INACTIVE: &[&str] = &["resolved", "rejected", "deleted"];
/// Statuses a ticket may be created in (RT refuses `stalled` at create).
pub const ON_CREATE: &[&str] = &["new", "open", "resolved"];

pub fn all() -> impl Iterator<Item = &'static str> {
    INITIAL.iter().chain(ACTIVE).chain(INACTIVE).copied()
}

pub fn is_valid(status: &str) -> bool {
    all().any(|s| s == status)
}

pub fn is_initial(status: &str) -> bool {
    INITIAL.contains(&status)
}

pub fn is_active(status: &str) -> bool {
    ACTIVE.contains(&status)
}

pub fn is_inactive(status: &str) -> bool {
    INACTIVE.contains(&status)
}

/// RT's own message for an unknown status.
pub fn invalid_status_message(status: &str) -> String {
    format!("Status '{status}' isn't a valid status for this ticket.")
}

/// Expands RT's `__Active__` / `__Inactive__` pseudo-statuses used in TicketSQL.
pub fn expand_pseudo(status: &str) -> Option<&'static [&'static str]> {
    match status.to_ascii_lowercase().as_str() {
        "__active__" => Some(&["new", "open", "stalled"]),
        "__inactive__" => Some(INACTIVE),
        _ => None,
    }
}

/// The transitions a lifecycle hyperlink offers from `from` (every status but itself).
pub fn transitions_from(from: &str) -> Vec<&'static str> {
    all().filter(|s| *s != from).collect()
}

/// The right needed to move a ticket into `to`.
pub fn right_for_transition(to: &str) -> crate::domain::rights::Right {
    if to == "deleted" {
        crate::domain::rights::Right::DeleteTicket
    } else {
        crate::domain::rights::Right::ModifyTicket
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_lifecycle_matches_rt() {
        assert!(is_valid("stalled"));
        assert!(!is_valid("bogus"));
        assert!(!ON_CREATE.contains(&"stalled"));
        assert_eq!(transitions_from("new").len(), 5);
        assert_eq!(
            expand_pseudo("__Active__"),
            Some(&["new", "open", "stalled"][..])
        );
        assert_eq!(
            invalid_status_message("bogus"),
            "Status 'bogus' isn't a valid status for this ticket."
        );
    }
}
