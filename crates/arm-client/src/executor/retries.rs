//! Sending again: a dropped read, throttling (429), a busy resource (409) and the Accepted
//! race wait and retry, with the back-off [`policy::retry`] sets; past that, the run stops.

use super::super::http::{HttpResponse, TransportError};
use super::super::policy::{self, Retry};
use super::Executor;
use wizard_core::plan::ArmRequest;

impl Executor {
    /// The answer to go on with, or `None` when it was handled here (a wait before sending
    /// again, or a stop).
    pub(super) fn retry_or_stop(
        &mut self,
        request: &ArmRequest,
        answer: Result<HttpResponse, TransportError>,
    ) -> Option<HttpResponse> {
        let response = match answer {
            Ok(response) => response,
            Err(error) => {
                let sent = !matches!(error, TransportError::NotSent(_));
                if sent && request.method == "GET" && self.at.attempts < policy::READ_RETRIES {
                    self.at.attempts += 1;
                    self.at.wait = Some((
                        policy::READ_RETRY_SECONDS,
                        "The connection dropped; reading again.".into(),
                    ));
                    return None;
                }
                self.fail(policy::dropped(request, &error));
                return None;
            }
        };
        match policy::retry(&response, self.at.attempts) {
            Retry::After(seconds, why) => {
                self.at.attempts += 1;
                self.at.wait = Some((seconds, why));
                None
            }
            Retry::GiveUp(failure) => {
                self.fail(failure);
                None
            }
            Retry::No => Some(response),
        }
    }
}
