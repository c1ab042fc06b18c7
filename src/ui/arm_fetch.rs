//! The browser side of direct ARM calls: `fetch` and timers. The token only passes through
//! `send`: nothing here keeps, logs or stores it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::arm_client::http::no_answer_message;
use crate::arm_client::outgoing::Checked;
use crate::arm_client::{HttpRequest, HttpResponse, TransportError};

/// The answer headers the executor reads; the browser returns only those ARM exposes (CORS).
const READ_HEADERS: [&str; 3] = ["azure-asyncoperation", "location", "retry-after"];

/// The browser's error is not shown: it may quote the request that carried the token. The
/// message names the method and the host only.
fn dropped(request: &HttpRequest) -> TransportError {
    TransportError::Dropped(no_answer_message(request.method, &request.url))
}

/// A request with no answer within the time limit is aborted and reported as timed out (ARM
/// answers within seconds; long-running work is polled, never waited on in one request).
/// The limit is 60 s; the panel's advanced settings may only shorten it.
pub const TIMEOUT_SECONDS: u32 = 60;

/// Sends a request that passed the gate ([`crate::arm_client::outgoing::check`]): no
/// other request can reach `fetch` from this page.
pub async fn send(checked: &Checked, timeout_seconds: u32) -> Result<HttpResponse, TransportError> {
    let request = checked.request();
    let window = web_sys::window().ok_or_else(|| dropped(request))?;
    let controller = web_sys::AbortController::new().map_err(|_| dropped(request))?;
    let abort = {
        let controller = controller.clone();
        Closure::once(move || controller.abort())
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.as_ref().unchecked_ref(),
            (timeout_seconds.clamp(1, TIMEOUT_SECONDS) * 1000) as i32,
        )
        .map_err(|_| dropped(request))?;
    let answer = fetch(&window, request, &controller.signal()).await;
    window.clear_timeout_with_handle(timer);
    drop(abort);
    answer.map_err(|_| {
        if controller.signal().aborted() {
            TransportError::TimedOut
        } else {
            dropped(request)
        }
    })
}

async fn fetch(
    window: &web_sys::Window,
    request: &HttpRequest,
    signal: &web_sys::AbortSignal,
) -> Result<HttpResponse, JsValue> {
    let init = web_sys::RequestInit::new();
    init.set_method(request.method);
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_signal(Some(signal));
    let headers = web_sys::Headers::new()?;
    for (name, value) in &request.headers {
        headers.append(name, value)?;
    }
    init.set_headers(&headers);
    if let Some(body) = &request.body {
        init.set_body(&JsValue::from_str(body));
    }
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(&request.url, &init))
            .await?
            .unchecked_into();
    // The body is read under the same time limit.
    let body = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    let readable = response.headers();
    Ok(HttpResponse {
        status: response.status(),
        headers: READ_HEADERS
            .iter()
            .filter_map(|name| Some((name.to_string(), readable.get(name).ok()??)))
            .collect(),
        body,
    })
}

pub async fn sleep(seconds: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                (seconds * 1000) as i32,
            );
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Seconds since 1970, for the token's expiry.
pub fn now_seconds() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}
