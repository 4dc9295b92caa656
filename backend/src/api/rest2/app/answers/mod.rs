//! Template answers (RT Articles in spirit): supporters read and use them; SuperUser or
//! holders of the system right `AdminAnswers` manage them.

pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod render;
pub mod update;

use hushdesk_api::app::{Answer, AnswerRequest};

use super::shared;
use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::domain::answers::{MAX_BODY, MAX_TITLE};
use crate::domain::rights::Right;
use crate::store::answers::{AnswerInput, AnswerRow};

pub fn may_manage(me: &CurrentUser) -> bool {
    me.rights.on_system(Right::AdminAnswers)
}

/// Supporters (privileged users) may read and use answers.
pub fn require_reader(me: &CurrentUser) -> ApiResult<()> {
    if me.user.privileged || me.rights.superuser {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

pub fn require_manager(me: &CurrentUser) -> ApiResult<()> {
    if may_manage(me) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

pub fn to_api(r: AnswerRow) -> Answer {
    Answer {
        id: r.id,
        title: r.title,
        body: r.body,
        language: r.language,
        category: r.category,
        usage_count: r.usage_count,
        created: shared::time(r.created),
        last_updated: shared::time(r.last_updated),
    }
}

/// Checks a request once, at the edge.
pub fn validate(req: AnswerRequest) -> ApiResult<AnswerInput> {
    let title = req.title.trim().to_owned();
    if title.is_empty() {
        return Err(ApiError::BadRequest("title must not be empty".into()));
    }
    if title.chars().count() > MAX_TITLE {
        return Err(ApiError::BadRequest(format!(
            "title must be at most {MAX_TITLE} characters"
        )));
    }
    if req.body.trim().is_empty() {
        return Err(ApiError::BadRequest("body must not be empty".into()));
    }
    if req.body.len() > MAX_BODY {
        return Err(ApiError::BadRequest(format!(
            "body must be at most {MAX_BODY} bytes"
        )));
    }
    let language = shared::language(Some(&req.language))?
        .ok_or_else(|| ApiError::BadRequest("language is required".into()))?;
    Ok(AnswerInput {
        title,
        body: req.body,
        language,
        category: req.category.trim().chars().take(100).collect(),
    })
}
