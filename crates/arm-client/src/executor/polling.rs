//! Watching a long-running operation: through Azure-AsyncOperation, Location, or (when CORS
//! hides both headers) the resource's own provisioningState.

use serde_json::Value;

use super::super::http::{path_on_endpoint, HttpResponse, TransportError};
use super::super::policy;
use super::Executor;
use wizard_core::plan::ArmRequest;

/// A long-running operation being watched.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Poll {
    /// Azure-AsyncOperation: GET it until `status` is terminal.
    AsyncOperation(String),
    /// Location: GET it while it answers 202.
    Location(String),
    /// No readable header (CORS): GET the resource until its provisioningState is terminal,
    /// or, after a DELETE, until it is gone.
    Resource { deleted: bool },
}

impl Executor {
    /// A write ARM is still carrying out: watch it through the header it gave, or the resource.
    /// A header's URL is followed (with the token) only when it is on the endpoint the request
    /// went to; any other is not read, and the resource itself is watched instead.
    pub(super) fn start_polling(&mut self, request: &ArmRequest, response: &HttpResponse) {
        let on_endpoint = |name: &str| {
            response
                .header(name)
                .map(|url| (url, path_on_endpoint(url, &self.endpoint).is_some()))
        };
        let (async_operation, location) =
            (on_endpoint("azure-asyncoperation"), on_endpoint("location"));
        let mut why = "Waiting for the long-running operation.".to_owned();
        self.at.poll = Some(match (async_operation, location) {
            (Some((url, true)), _) => Poll::AsyncOperation(url.to_owned()),
            (_, Some((url, true))) => Poll::Location(url.to_owned()),
            (elsewhere, other) => {
                if let Some((url, _)) = elsewhere.or(other) {
                    why = format!(
                        "Waiting for the long-running operation. Its status address ({}) is not on {}, so it is not read with the token: the resource itself is watched.",
                        url.split('?').next().unwrap_or_default(),
                        self.endpoint
                    );
                }
                Poll::Resource {
                    deleted: request.method == "DELETE",
                }
            }
        });
        self.at.polls = 0;
        let seconds = policy::poll_seconds(response);
        self.at.wait = Some((seconds, why));
    }

    pub(super) fn on_poll_answer(
        &mut self,
        request: &ArmRequest,
        answer: Result<HttpResponse, TransportError>,
    ) {
        let path = request.path.to_ascii_lowercase();
        self.at.polls += 1;
        if self.at.polls > policy::MAX_POLLS {
            self.fail(policy::poll_timeout(request));
            return;
        }
        let response = match answer {
            Ok(response) => response,
            Err(error @ TransportError::NotSent(_)) => {
                self.fail(policy::dropped(request, &error));
                return;
            }
            Err(_) => {
                // Reading the operation is safe to repeat.
                self.at.wait = Some((
                    policy::READ_RETRY_SECONDS,
                    "The connection dropped; polling again.".into(),
                ));
                return;
            }
        };
        if response.status == 429 {
            self.at.wait = Some((
                response.retry_after().unwrap_or(policy::POLL_SECONDS),
                "Throttled while polling.".into(),
            ));
            return;
        }
        let poll = self.at.poll.clone().expect("polling");
        let body = response.json();
        let finished = match &poll {
            Poll::AsyncOperation(_) if response.status == 200 => {
                let status = body
                    .as_ref()
                    .and_then(|b| b.get("status"))
                    .and_then(Value::as_str)
                    .unwrap_or("InProgress")
                    .to_owned();
                if status.eq_ignore_ascii_case("Succeeded") {
                    if request.method == "DELETE" {
                        self.remember(&path, None);
                        true
                    } else {
                        // ARM's guidance: read the resource once the operation succeeded.
                        self.at.poll = Some(Poll::Resource { deleted: false });
                        self.at.wait = None;
                        return;
                    }
                } else if policy::is_terminal(&status) {
                    self.fail(policy::operation_failed(body.as_ref(), &status));
                    return;
                } else {
                    false
                }
            }
            Poll::Location(_) if response.status == 202 => false,
            Poll::Location(_) if (200..300).contains(&response.status) => {
                match request.method {
                    "DELETE" => self.remember(&path, None),
                    _ => self.forget(&path),
                }
                true
            }
            Poll::Resource { deleted: true } if response.status == 404 => {
                self.remember(&path, None);
                true
            }
            Poll::Resource { deleted: true } if response.status == 200 => false,
            Poll::Resource { deleted: false } if response.status == 200 => {
                match body.as_ref().and_then(policy::provisioning_state) {
                    Some(state) if state.eq_ignore_ascii_case("Succeeded") => {
                        self.remember(&path, body);
                        self.refresh_requests();
                        true
                    }
                    Some(state) if policy::is_terminal(&state) => {
                        self.fail(policy::operation_failed(body.as_ref(), &state));
                        return;
                    }
                    Some(_) => false,
                    None => {
                        self.remember(&path, body);
                        true
                    }
                }
            }
            _ => {
                self.fail_with_answer(&response, request);
                return;
            }
        };
        if finished {
            self.at.poll = None;
            self.next_request();
        } else {
            self.at.wait = Some((
                policy::poll_seconds(&response),
                "The operation is still running.".into(),
            ));
        }
    }
}
