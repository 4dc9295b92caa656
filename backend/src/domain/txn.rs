//! Transaction types and RT's human descriptions of them.

/// Names resolved by the caller, since descriptions mention users and tickets by name.
pub trait Names {
    fn user(&self, id: i64) -> String;
    /// `Real Name` in parentheses after a login, as RT prints for owner changes.
    fn user_with_real_name(&self, id: i64) -> String;
    fn ticket_subject(&self, id: i64) -> Option<String>;
}

/// The fields of a transaction that its description depends on.
#[derive(Debug, Clone, Copy)]
pub struct TxnView<'a> {
    pub txn_type: &'a str,
    pub field: Option<&'a str>,
    pub old_value: Option<&'a str>,
    pub new_value: Option<&'a str>,
    pub creator: i64,
}

fn ticket_ref(uri: &str, names: &dyn Names) -> String {
    match crate::domain::txn::local_ticket_id(uri) {
        Some(id) => match names.ticket_subject(id) {
            Some(subject) => format!("#{id}: {subject}"),
            None => format!("#{id}"),
        },
        None => uri.to_owned(),
    }
}

/// The ticket id in an `fsck.com-rt://<org>/ticket/<id>` URI.
pub fn local_ticket_id(uri: &str) -> Option<i64> {
    let rest = uri.strip_prefix("fsck.com-rt://")?;
    let (_, id) = rest.rsplit_once("/ticket/")?;
    id.parse().ok()
}

pub fn link_phrase(link_type: &str) -> &'static str {
    match link_type {
        "DependsOn" => "Dependency on",
        "DependedOnBy" => "Dependency by",
        "RefersTo" => "Reference to",
        "ReferredToBy" => "Reference by",
        "MemberOf" => "Membership in",
        "HasMember" | "Members" => "Member",
        _ => "Link",
    }
}

/// RT's description of a transaction.
pub fn describe(t: TxnView<'_>, names: &dyn Names) -> String {
    let by = names.user(t.creator);
    let old = t.old_value.unwrap_or("");
    let new = t.new_value.unwrap_or("");
    let field = t.field.unwrap_or("");
    match t.txn_type {
        "Create" => "Ticket created".into(),
        "Correspond" => "Correspondence added".into(),
        "Comment" => "Comments added".into(),
        "Status" if new == "deleted" => "Ticket deleted".into(),
        "Status" => format!("Status changed from '{old}' to '{new}'"),
        "Set" if field == "Owner" => {
            let old_id: i64 = old.parse().unwrap_or(0);
            let new_id: i64 = new.parse().unwrap_or(0);
            let nobody = crate::domain::ids::UserId::NOBODY.0;
            if old_id == nobody && new_id == t.creator {
                format!("Taken by {by}")
            } else if new_id == nobody && old_id == t.creator {
                format!("Untaken by {by}")
            } else if new_id == t.creator {
                format!("Stolen from {} by {by}", names.user_with_real_name(old_id))
            } else if new_id == nobody {
                format!("Untaken by {by}")
            } else {
                format!("Given to {} by {by}", names.user_with_real_name(new_id))
            }
        }
        "Set" => format!("{field} changed from '{old}' to '{new}' by {by}"),
        "SetWatcher" => format!(
            "{field} set to {} by {by}",
            names.user(new.parse().unwrap_or(0))
        ),
        "AddWatcher" => format!(
            "{field} {} added by {by}",
            names.user(new.parse().unwrap_or(0))
        ),
        "DelWatcher" => format!(
            "{field} {} deleted by {by}",
            names.user(old.parse().unwrap_or(0))
        ),
        "AddLink" if field == "MergedInto" => {
            format!("Merged into {} by {by}", ticket_ref(new, names))
        }
        "AddLink" => format!(
            "{} {} added by {by}",
            link_phrase(field),
            ticket_ref(new, names)
        ),
        "DeleteLink" => format!(
            "{} {} deleted by {by}",
            link_phrase(field),
            ticket_ref(old, names)
        ),
        "CustomField" => match (t.old_value, t.new_value) {
            (None | Some(""), Some(n)) => format!("{field} {n} added by {by}"),
            (Some(o), None | Some("")) => format!("{field} {o} deleted by {by}"),
            (Some(o), Some(n)) => format!("{field} {o} changed to {n} by {by}"),
            (None, None) => format!("{field} changed by {by}"),
        },
        "EmailRecord" => "Outgoing email recorded".into(),
        "CommentEmailRecord" => "Outgoing email about a comment recorded".into(),
        "Told" => "User notified".into(),
        other => format!("{other} by {by}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct N;
    impl Names for N {
        fn user(&self, id: i64) -> String {
            match id {
                2 => "Nobody".into(),
                3 => "root".into(),
                4 => "a3@example.com".into(),
                _ => "agent1".into(),
            }
        }
        fn user_with_real_name(&self, id: i64) -> String {
            format!("{} (Real {})", self.user(id), id)
        }
        fn ticket_subject(&self, id: i64) -> Option<String> {
            (id == 68).then(|| "printer".into())
        }
    }

    fn v<'a>(t: &'a str, f: &'a str, o: &'a str, n: &'a str) -> TxnView<'a> {
        TxnView {
            txn_type: t,
            field: Some(f),
            old_value: Some(o),
            new_value: Some(n),
            creator: 3,
        }
    }

    #[test]
    fn rt_descriptions() {
        assert_eq!(describe(v("Set", "Owner", "2", "3"), &N), "Taken by root");
        assert_eq!(describe(v("Set", "Owner", "3", "2"), &N), "Untaken by root");
        assert_eq!(
            describe(v("Set", "Owner", "5", "3"), &N),
            "Stolen from agent1 (Real 5) by root"
        );
        assert_eq!(
            describe(v("Status", "Status", "new", "open"), &N),
            "Status changed from 'new' to 'open'"
        );
        assert_eq!(
            describe(v("AddWatcher", "Requestor", "", "4"), &N),
            "Requestor a3@example.com added by root"
        );
        assert_eq!(
            describe(
                v(
                    "AddLink",
                    "RefersTo",
                    "",
                    "fsck.com-rt://example.com/ticket/68"
                ),
                &N
            ),
            "Reference to #68: printer added by root"
        );
        assert_eq!(
            describe(
                v(
                    "AddLink",
                    "MergedInto",
                    "",
                    "fsck.com-rt://example.com/ticket/68"
                ),
                &N
            ),
            "Merged into #68: printer by root"
        );
    }
}
