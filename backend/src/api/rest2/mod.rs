//! RT REST 2.0, wire-compatible with python-rt, plus Hushdesk's extensions under the same prefix.

pub mod admin;
pub mod attachments;
pub mod body;
pub mod common;
pub mod history;
pub mod openpgp;
pub mod queues;
pub mod render;
pub mod search;
pub mod session;
pub mod tickets;
pub mod users;

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
        queues::get_queue, queues::list_queues, queues::create_queue, queues::update_queue, queues::disable_queue,
        users::get_user, users::create_user, users::update_user, users::disable_user,
        admin::create_token, admin::list_tokens, admin::revoke_token,
        admin::create_custom_field, admin::get_custom_field,
        admin::grant_right, admin::revoke_right, admin::list_rights,
        admin::create_group, admin::get_group,
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
