//! RT REST 2.0, wire-compatible with python-rt, plus Hushdesk's extensions under the same prefix.

pub mod admin;
pub mod app;
pub mod attachments;
pub mod body;
pub mod common;
pub mod fulltext;
pub mod history;
pub mod openpgp;
pub mod queues;
pub mod render;
pub mod retention;
pub mod search;
pub mod session;
pub mod tickets;
pub mod users;

// WhisperBack reports, known issues, hardware compatibility and their dashboard.
pub mod dashboard;
pub mod hardware;
pub mod known_issues;
pub mod whisperback;

use actix_web::web;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Hushdesk API",
        description = "Request Tracker REST 2.0 compatible API of Hushdesk, with Hushdesk's extensions. \
                       Authenticate with `Authorization: token <token>`, HTTP Basic, or the app's session cookie."
    ),
    paths(
        session::rt_info, session::login, session::logout, session::get_session,
        tickets::create_ticket, tickets::get_ticket, tickets::update_ticket, tickets::delete_ticket,
        tickets::take_ticket, tickets::untake_ticket, tickets::steal_ticket,
        tickets::correspond_ticket, tickets::comment_ticket,
        history::ticket_history, history::get_transaction,
        attachments::search_attachments, attachments::list_attachments, attachments::get_attachment,
        search::search_tickets, search::search_tickets_form,
        fulltext::search_fulltext,
        queues::get_queue, queues::list_queues, queues::create_queue, queues::update_queue, queues::disable_queue,
        users::get_user, users::create_user, users::update_user, users::disable_user,
        admin::create_token, admin::list_tokens, admin::revoke_token,
        admin::create_custom_field, admin::get_custom_field,
        admin::grant_right, admin::revoke_right, admin::list_rights,
        admin::create_group, admin::get_group,
        app::me::get_me, app::sidebar::get_sidebar, app::views::get_view,
        app::view_counts::get_view_counts, app::handover::get_handover,
        app::answers::list::list_answers, app::answers::create::create_answer,
        app::answers::get::get_answer, app::answers::update::update_answer,
        app::answers::delete::delete_answer, app::answers::render::render_answer,
        app::stats::get_stats, app::ticket_page::get_ticket_page,
        app::attachment_content::get_attachment_content,
        whisperback::ingest_report::ingest_report, whisperback::show_report::show_report,
        known_issues::create::create_known_issue, known_issues::list::list_known_issues,
        known_issues::show::show_known_issue, known_issues::update::update_known_issue,
        known_issues::delete::delete_known_issue, known_issues::link::link_ticket,
        known_issues::unlink::unlink_ticket, known_issues::tickets::list_linked_tickets,
        known_issues::of_ticket::ticket_known_issues, known_issues::top_bugs::top_bugs,
        known_issues::contact_back::preview_contact_back, known_issues::contact_back::contact_back,
        hardware::device::show_device, hardware::worked::hardware_worked,
        hardware::reports::device_reports, hardware::top_failing::top_failing,
        hardware::mark::mark_hardware, hardware::export::export_hardware,
        dashboard::whisperback::whisperback_dashboard,
        retention::list_policies::list_policies, retention::get_queue_policy::get_queue_policy,
        retention::set_queue_policy::set_queue_policy, retention::run_purge::run_purge,
        retention::list_receipts::list_receipts, retention::get_receipt::get_receipt,
        retention::erase_requester::erase_requester, retention::mark_abusive::mark_abusive,
        openpgp::list_queue_keys, openpgp::import_queue_keys, openpgp::generate_queue_key, openpgp::delete_queue_key,
        openpgp::list_user_keys, openpgp::import_user_keys, openpgp::delete_user_key,
        openpgp::get_queue_mail_settings, openpgp::update_queue_mail_settings,
        openpgp::transaction_openpgp, openpgp::ticket_outbox, openpgp::retry_outbox,
    ),
    components(schemas(hushdesk_api::rest2::ErrorBody)),
    modifiers(&SecurityAddon),
    security(("token" = []), ("basic" = []), ("session" = [])),
    tags(
        (name = "tickets", description = "Tickets, history, attachments and TicketSQL search"),
        (name = "queues", description = "Queues (one per language)"),
        (name = "users", description = "Users and their API tokens"),
        (name = "admin", description = "Custom fields, rights and groups"),
        (name = "session", description = "The web app's login"),
        (name = "system", description = "Server identity"),
        (name = "app", description = "The supporters' app: sidebar, views, handover, ticket page, statistics"),
        (name = "answers", description = "Template answers (in the spirit of RT Articles)"),
        (name = "whisperback", description = "WhisperBack bug reports and their facts"),
        (name = "known-issues", description = "Known issues linked to tickets, and top bugs"),
        (name = "hardware", description = "Hardware compatibility per Tails version"),
        (name = "dashboard", description = "Figures for the statistics dashboard"),
        (name = "retention", description = "Retention policies, purges and their receipts, erasure, abuse marks"),
        (name = "openpgp", description = "OpenPGP keys, queue mail settings, message status and the outbox"),
    )
)]
pub struct Rest2Doc;

struct SecurityAddon;

impl utoipa::Modify for SecurityAddon {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "Authorization",
                "`token <id>-<owner>-<secret>`, as RT's auth tokens",
            ))),
        );
        components.add_security_scheme(
            "basic",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Basic).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::api::auth::SESSION_COOKIE,
            ))),
        );
    }
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(session::rt_info)
        .service(session::login)
        .service(session::logout)
        .service(session::get_session)
        .service(tickets::create_ticket)
        .service(tickets::take_ticket)
        .service(tickets::untake_ticket)
        .service(tickets::steal_ticket)
        .service(tickets::correspond_ticket)
        .service(tickets::comment_ticket)
        .service(history::ticket_history)
        .service(attachments::search_attachments)
        .service(attachments::list_attachments)
        .service(tickets::get_ticket)
        .service(tickets::update_ticket)
        .service(tickets::delete_ticket)
        .service(history::get_transaction)
        .service(attachments::get_attachment)
        .service(search::search_tickets)
        .service(search::search_tickets_form)
        .service(fulltext::search_fulltext)
        .service(queues::list_queues)
        .service(queues::get_queue)
        .service(queues::create_queue)
        .service(queues::update_queue)
        .service(queues::disable_queue)
        .service(admin::create_token)
        .service(admin::list_tokens)
        .service(admin::revoke_token)
        .service(users::get_user)
        .service(users::create_user)
        .service(users::update_user)
        .service(users::disable_user)
        .service(admin::create_custom_field)
        .service(admin::get_custom_field)
        .service(admin::grant_right)
        .service(admin::revoke_right)
        .service(admin::list_rights)
        .service(admin::create_group)
        .service(admin::get_group)
        .service(app::me::get_me)
        .service(app::sidebar::get_sidebar)
        .service(app::views::get_view)
        .service(app::view_counts::get_view_counts)
        .service(app::handover::get_handover)
        .service(app::answers::list::list_answers)
        .service(app::answers::create::create_answer)
        .service(app::answers::get::get_answer)
        .service(app::answers::update::update_answer)
        .service(app::answers::delete::delete_answer)
        .service(app::answers::render::render_answer)
        .service(app::stats::get_stats)
        .service(app::ticket_page::get_ticket_page)
        .service(app::attachment_content::get_attachment_content)
        .configure(configure_whisperback);
}

fn configure_whisperback(cfg: &mut web::ServiceConfig) {
    cfg.service(whisperback::ingest_report::ingest_report)
        .service(whisperback::show_report::show_report)
        .service(known_issues::top_bugs::top_bugs)
        .service(known_issues::create::create_known_issue)
        .service(known_issues::list::list_known_issues)
        .service(known_issues::show::show_known_issue)
        .service(known_issues::update::update_known_issue)
        .service(known_issues::delete::delete_known_issue)
        .service(known_issues::link::link_ticket)
        .service(known_issues::unlink::unlink_ticket)
        .service(known_issues::tickets::list_linked_tickets)
        .service(known_issues::of_ticket::ticket_known_issues)
        .service(known_issues::contact_back::preview_contact_back)
        .service(known_issues::contact_back::contact_back)
        .service(hardware::device::show_device)
        .service(hardware::worked::hardware_worked)
        .service(hardware::reports::device_reports)
        .service(hardware::top_failing::top_failing)
        .service(hardware::mark::mark_hardware)
        .service(hardware::export::export_hardware)
        .service(dashboard::whisperback::whisperback_dashboard)
        .service(retention::list_policies::list_policies)
        .service(retention::get_queue_policy::get_queue_policy)
        .service(retention::set_queue_policy::set_queue_policy)
        .service(retention::run_purge::run_purge)
        .service(retention::list_receipts::list_receipts)
        .service(retention::get_receipt::get_receipt)
        .service(retention::erase_requester::erase_requester)
        .service(retention::mark_abusive::mark_abusive)
        .service(openpgp::generate_queue_key)
        .service(openpgp::list_queue_keys)
        .service(openpgp::import_queue_keys)
        .service(openpgp::delete_queue_key)
        .service(openpgp::list_user_keys)
        .service(openpgp::import_user_keys)
        .service(openpgp::delete_user_key)
        .service(openpgp::get_queue_mail_settings)
        .service(openpgp::update_queue_mail_settings)
        .service(openpgp::transaction_openpgp)
        .service(openpgp::ticket_outbox)
        .service(openpgp::retry_outbox);
}
