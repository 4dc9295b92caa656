//! Identifier newtypes, so a queue id is never passed where a ticket id belongs.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($name:ident) => {
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(TicketId);
id_type!(QueueId);
id_type!(UserId);
id_type!(TransactionId);
id_type!(AttachmentId);

impl UserId {
    /// RT's internal actor for automatic changes.
    pub const SYSTEM: UserId = UserId(1);
    /// Owner of unowned tickets.
    pub const NOBODY: UserId = UserId(2);
}
