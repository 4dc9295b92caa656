//! The `hushdesk` command line.

pub mod admin;
pub mod demo;
pub mod key;
pub mod mailgate;
pub mod retention;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "hushdesk",
    version,
    about = "A help desk for privacy-minded support teams, compatible with Request Tracker"
)]
pub struct Cli {
    /// Configuration file (default: ./hushdesk.toml when present).
    #[arg(long, global = true, env = "HUSHDESK_CONFIG")]
    pub config: Option<PathBuf>,
    /// Database URL: sqlite://PATH or postgres://… (overrides the configuration).
    #[arg(long, global = true)]
    pub database: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (creates an admin on an empty database).
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080 (port 0 picks a free one).
        #[arg(long)]
        bind: Option<String>,
        /// Worker threads (default: one per core).
        #[arg(long)]
        workers: Option<usize>,
        /// Seed the demo desk first (queues per language, tickets, template answers and
        /// the supporter `demo`); idempotent.
        #[arg(long)]
        demo: bool,
    },
    /// Seed the demo desk: queues for en, fr, es, it, de with realistic tickets, template
    /// answers and the supporter `demo` (password printed); idempotent.
    Demo,
    /// Apply pending database migrations.
    Migrate {
        /// Revert every migration instead (destroys all data).
        #[arg(long)]
        revert_all: bool,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        action: TokenCommand,
    },
    /// Grant or revoke rights.
    Right {
        #[command(subcommand)]
        action: RightCommand,
    },
    /// Manage ticket custom fields.
    Cf {
        #[command(subcommand)]
        action: CfCommand,
    },
    /// Manage queues.
    Queue {
        #[command(subcommand)]
        action: QueueCommand,
    },
    /// Manage groups.
    Group {
        #[command(subcommand)]
        action: GroupCommand,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Rebuild the full-text index (`[search] backend`) from the stored messages.
    Reindex,
    /// Deliver one message from standard input, as RT's rt-mailgate does (for an MTA alias).
    ///
    /// Exit status: 0 stored (or a mail loop dropped), 75 temporary failure (the MTA retries),
    /// 65 or 77 refused for good (the MTA bounces with the reason printed on stderr).
    Mailgate(mailgate::MailgateArgs),
    /// Manage OpenPGP keys of queues and users.
    Key {
        #[command(subcommand)]
        action: key::KeyCommand,
    },
    /// Work with WhisperBack bug reports.
    Whisperback {
        #[command(subcommand)]
        action: WhisperbackCommand,
    },
    /// Export data.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Retention: run purges, show policies and receipts.
    Retention {
        #[command(subcommand)]
        action: RetentionCommand,
    },
    /// Erase everything about one requester (keeps anonymous statistics).
    Erase {
        /// The requester's email address.
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Hardware outcomes per device and Tails version (for the known-issues documentation).
    Hardware {
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Write here instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum RetentionCommand {
    /// Purge what the policies say is due (with a progress bar).
    Run {
        /// Count what is due without removing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// Print every queue's effective policy.
    Policies,
    /// Print the latest receipts (JSON lines).
    Receipts {
        #[arg(long, default_value_t = 20)]
        limit: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum WhisperbackCommand {
    /// Print the facts of a decrypted report body as JSON.
    Parse { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user.
    Add {
        name: String,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        real_name: Option<String>,
        /// Password (or use --password-stdin).
        #[arg(long, env = "HUSHDESK_USER_PASSWORD")]
        password: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        /// A staff member (can own tickets and use the app).
        #[arg(long)]
        privileged: bool,
        /// A superuser (implies --privileged).
        #[arg(long)]
        admin: bool,
    },
    /// Set a user's password.
    Passwd {
        name: String,
        #[arg(long, env = "HUSHDESK_USER_PASSWORD")]
        password: Option<String>,
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user and print it.
    Create {
        user: String,
        #[arg(long, default_value = "")]
        description: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RightCommand {
    /// Grant rights.
    Grant(RightArgs),
    /// Revoke rights.
    Revoke(RightArgs),
}

#[derive(Debug, clap::Args)]
pub struct RightArgs {
    /// Grant to this user.
    #[arg(long, conflicts_with_all = ["group", "role"])]
    pub user: Option<String>,
    /// Grant to this group (Everyone, Privileged, Unprivileged, or a user-defined group).
    #[arg(long, conflicts_with_all = ["role"])]
    pub group: Option<String>,
    /// Grant to a ticket role: Owner, Requestor, Cc, AdminCc.
    #[arg(long)]
    pub role: Option<String>,
    /// Only on this queue (default: system-wide).
    #[arg(long)]
    pub queue: Option<String>,
    /// Right names, e.g. ShowTicket ReplyToTicket.
    #[arg(required = true)]
    pub rights: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum CfCommand {
    /// Create a ticket custom field.
    Add {
        name: String,
        /// Freeform, Select, Text, Date, DateTime …
        #[arg(long, default_value = "Freeform")]
        r#type: String,
        /// Allow several values.
        #[arg(long)]
        multiple: bool,
        /// An allowed value (Select fields); repeat.
        #[arg(long = "value")]
        values: Vec<String>,
        /// Apply to this queue only; repeat (default: every queue).
        #[arg(long = "queue")]
        queues: Vec<String>,
        #[arg(long, default_value = "")]
        description: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum QueueCommand {
    /// Create a queue.
    Add {
        name: String,
        /// ISO 639-1 language of the queue.
        #[arg(long, default_value = "en")]
        language: String,
        #[arg(long, default_value = "")]
        description: String,
        #[arg(long, default_value = "")]
        correspond_address: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Create a group.
    Add {
        name: String,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// Add a user to a group.
    AddMember { group: String, user: String },
}
