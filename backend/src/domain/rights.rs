//! RT's rights and how a user's effective rights are evaluated.

use std::collections::{HashMap, HashSet};

macro_rules! rights {
    ($($name:ident),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Right { $($name),* }

        impl Right {
            pub const ALL: &'static [Right] = &[$(Right::$name),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Right::$name => stringify!($name)),* }
            }

            pub fn parse(name: &str) -> Option<Right> {
                match name { $(stringify!($name) => Some(Right::$name),)* _ => None }
            }
        }
    };
}

rights!(
    SeeQueue,
    ShowTicket,
    ShowTicketComments,
    CreateTicket,
    ReplyToTicket,
    CommentOnTicket,
    OwnTicket,
    TakeTicket,
    StealTicket,
    ModifyTicket,
    DeleteTicket,
    Watch,
    WatchAsAdminCc,
    ModifyCustomField,
    SeeCustomField,
    ShowOutgoingEmail,
    AdminQueue,
    AdminUsers,
    AdminCustomField,
    AdminGroup,
    ShowUserHistory,
    SuperUser,
    ManageAuthTokens,
    AdminAnswers,
);

/// Ticket roles that can hold rights (RT's role groups).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Owner,
    Requestor,
    Cc,
    AdminCc,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "Owner",
            Role::Requestor => "Requestor",
            Role::Cc => "Cc",
            Role::AdminCc => "AdminCc",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s.to_ascii_lowercase().as_str() {
            "owner" => Some(Role::Owner),
            "requestor" | "requestors" => Some(Role::Requestor),
            "cc" => Some(Role::Cc),
            "admincc" => Some(Role::AdminCc),
            _ => None,
        }
    }
}

/// A user's rights, resolved once per request from ACEs, groups and roles.
#[derive(Debug, Clone, Default)]
pub struct EffectiveRights {
    pub superuser: bool,
    /// Rights granted at system level (apply to every queue).
    pub system: HashSet<Right>,
    pub per_queue: HashMap<i64, HashSet<Right>>,
    /// Rights a role confers: key (queue id, 0 for every queue).
    pub roles: HashMap<(i64, Role), HashSet<Right>>,
}

/// How a user stands to one ticket, for role-based rights.
#[derive(Debug, Clone, Copy, Default)]
pub struct TicketStanding {
    pub owner: bool,
    pub requestor: bool,
    pub cc: bool,
    pub admin_cc: bool,
}

impl TicketStanding {
    fn has(&self, role: Role) -> bool {
        match role {
            Role::Owner => self.owner,
            Role::Requestor => self.requestor,
            Role::Cc => self.cc,
            Role::AdminCc => self.admin_cc,
        }
    }
}

impl EffectiveRights {
    pub fn all() -> Self {
        Self {
            superuser: true,
            ..Self::default()
        }
    }

    /// Right held on a queue regardless of any ticket role.
    pub fn on_queue(&self, queue: i64, right: Right) -> bool {
        self.superuser
            || self.system.contains(&right)
            || self
                .per_queue
                .get(&queue)
                .is_some_and(|r| r.contains(&right))
    }

    pub fn on_system(&self, right: Right) -> bool {
        self.superuser || self.system.contains(&right)
    }

    pub fn on_ticket(&self, queue: i64, standing: TicketStanding, right: Right) -> bool {
        if self.on_queue(queue, right) {
            return true;
        }
        self.roles.iter().any(|((q, role), rights)| {
            (*q == 0 || *q == queue) && standing.has(*role) && rights.contains(&right)
        })
    }

    /// Queues where `right` holds for every ticket; `None` means all queues.
    pub fn queues_with(&self, right: Right) -> Option<Vec<i64>> {
        if self.superuser || self.system.contains(&right) {
            return None;
        }
        let mut ids: Vec<i64> = self
            .per_queue
            .iter()
            .filter(|(_, r)| r.contains(&right))
            .map(|(q, _)| *q)
            .collect();
        ids.sort_unstable();
        Some(ids)
    }

    /// Role grants of `right`: (queue or 0, role).
    pub fn role_grants(&self, right: Right) -> Vec<(i64, Role)> {
        let mut v: Vec<(i64, Role)> = self
            .roles
            .iter()
            .filter(|(_, r)| r.contains(&right))
            .map(|(k, _)| *k)
            .collect();
        v.sort_by_key(|(q, r)| (*q, r.as_str()));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_rights_apply_only_to_holders() {
        let mut r = EffectiveRights::default();
        r.roles
            .insert((0, Role::Requestor), HashSet::from([Right::ShowTicket]));
        let asker = TicketStanding {
            requestor: true,
            ..Default::default()
        };
        assert!(r.on_ticket(5, asker, Right::ShowTicket));
        assert!(!r.on_ticket(5, TicketStanding::default(), Right::ShowTicket));
        assert_eq!(r.queues_with(Right::ShowTicket), Some(vec![]));
    }

    #[test]
    fn names_round_trip() {
        for r in Right::ALL {
            assert_eq!(Right::parse(r.as_str()), Some(*r));
        }
        assert_eq!(Right::parse("Bogus"), None);
    }
}
