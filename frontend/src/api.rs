//! Calls to the Hushdesk server, same origin so the session cookie goes along.
//!
//! Uses `web-sys` fetch and `js_sys::JSON` rather than gloo-net/serde to keep the bundle
//! small; switch to the shared `hushdesk-api` types once that crate exists.

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestCredentials, RequestInit, Response};

/// Why a request produced no usable answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    Unauthorized,
    Forbidden,
    Status(u16),
    Network,
    BadBody,
}

impl ApiError {
    /// Text for the user; says what to do where there is something to do.
    pub fn message(&self) -> String {
        match self {
            Self::Unauthorized => "Log in to continue.".to_owned(),
            Self::Forbidden => "You do not have access to this server.".to_owned(),
            Self::Status(code) => format!("The server answered with an error (HTTP {code})."),
            Self::Network => "Cannot reach the server. Check your connection.".to_owned(),
            Self::BadBody => "The server sent an answer this page does not understand.".to_owned(),
        }
    }

    fn from_status(code: u16) -> Self {
        match code {
            401 => Self::Unauthorized,
            403 => Self::Forbidden,
            other => Self::Status(other),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// `GET /REST/2.0/rt` → the `Version` field.
pub async fn rt_version() -> Result<String, ApiError> {
    let body = get_json("/REST/2.0/rt").await?;
    js_sys::Reflect::get(&body, &JsValue::from_str("Version"))
        .ok()
        .and_then(|v| v.as_string())
        .ok_or(ApiError::BadBody)
}

async fn get_json(path: &str) -> Result<JsValue, ApiError> {
    let init = RequestInit::new();
    init.set_method("GET");
    // Explicit, so a later move to another origin does not silently drop the session.
    init.set_credentials(RequestCredentials::SameOrigin);
    let request = Request::new_with_str_and_init(path, &init).map_err(|_| ApiError::Network)?;
    request
        .headers()
        .set("Accept", "application/json")
        .map_err(|_| ApiError::Network)?;

    let window = web_sys::window().ok_or(ApiError::Network)?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| ApiError::Network)?
        .dyn_into()
        .map_err(|_| ApiError::Network)?;

    if !response.ok() {
        return Err(ApiError::from_status(response.status()));
    }
    let json = response.json().map_err(|_| ApiError::BadBody)?;
    JsFuture::from(json).await.map_err(|_| ApiError::BadBody)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unauthorized_asks_to_log_in() {
        assert_eq!(ApiError::from_status(401), ApiError::Unauthorized);
        assert_eq!(ApiError::Unauthorized.message(), "Log in to continue.");
    }

    #[test]
    fn other_statuses_keep_their_code() {
        assert_eq!(ApiError::from_status(502), ApiError::Status(502));
        assert!(ApiError::Status(502).message().contains("502"));
    }
}
