//! A request's answer: a read is kept, a gone DELETE is skipped, a write is kept or watched
//! until it finishes, anything else stops the run with ARM's code and message.

use super::super::http::{HttpResponse, TransportError};
use super::super::policy::{self, Failure};
use super::Executor;
use wizard_core::plan::{Action, ArmRequest};

impl Executor {
    pub(super) fn on_request_answer(
        &mut self,
        request: &ArmRequest,
        answer: Result<HttpResponse, TransportError>,
    ) {
        let Some(response) = self.retry_or_stop(request, answer) else {
            return;
        };
        let path = request.path.to_ascii_lowercase();
        let status = response.status;
        if request.method == "GET" {
            match status {
                200 => {
                    self.remember(&path, response.json());
                    if let Some(failure) = self.vnet_elsewhere(&path) {
                        self.fail(failure);
                        return;
                    }
                }
                404 if self.written_later(&path) => self.remember(&path, None),
                _ => {
                    match self.missing_group(&path).filter(|_| status == 404) {
                        Some(failure) => {
                            self.fail(failure);
                        }
                        None => self.fail_with_answer(&response, request),
                    }
                    return;
                }
            }
            self.refresh_requests();
            if let Some(mut requests) = self.at.requests.take() {
                self.with_listed_zone_group(&mut requests, self.at.index + 1);
                self.at.requests = Some(requests);
            }
            self.next_request();
            return;
        }
        // ARM answers 204 to a DELETE of something that is not there.
        if request.method == "DELETE" && (status == 404 || status == 204) {
            self.at.skips.push("already gone".into());
            self.remember(&path, None);
            self.next_request();
            return;
        }
        if !(200..300).contains(&status) {
            self.fail_with_answer(&response, request);
            return;
        }
        if let Some(failure) = policy::check_answer(request, &response) {
            if !self.read_account_again() {
                self.fail(failure);
            }
            return;
        }
        self.at.wrote |=
            request.method != "POST" || !request.path.ends_with("/checkDomainAvailability");
        let body = response.json();
        let provisioning = body.as_ref().and_then(policy::provisioning_state);
        // 201 with a terminal provisioningState is done; 202, a running state, or a 201 that does
        // not say, are watched.
        let running = match provisioning.as_deref() {
            Some(state) => !policy::is_terminal(state) || status == 202,
            None => status == 201 || status == 202,
        };
        if running && request.method != "POST" {
            self.start_polling(request, &response);
            return;
        }
        match request.method {
            "DELETE" => self.remember(&path, None),
            "PUT" | "PATCH" => self.remember_write(&path, body),
            _ => {}
        }
        self.next_request();
    }

    /// A resource group the check step read and found missing: which, and what needs it.
    fn missing_group(&self, path: &str) -> Option<Failure> {
        let Action::CheckResourceGroups { groups, .. } = &self.plan.steps[self.at.step].action
        else {
            return None;
        };
        let group = groups.iter().find(|g| g.id().eq_ignore_ascii_case(path))?;
        Some(Failure {
            code: "ResourceGroupNotFound".into(),
            message: group.missing_message(),
            advice: "Create the group, or correct its name in the form, then Resume: the run goes on from this step.".into(),
        })
    }

    /// "Not available" may mean this account carries the subdomain already: a write of it that
    /// timed out can land after the step read the account. Once per step, go back to the
    /// step's read of the account (the REST tab's own GET), so the check is decided again on
    /// what is there now and skipped when the account has the name. Returns whether it did.
    fn read_account_again(&mut self) -> bool {
        if self.at.reread {
            return false;
        }
        let account = self.plan.target().resource_id();
        let requests = self.at.requests.as_deref().unwrap_or_default();
        let Some(read) = requests[..self.at.index]
            .iter()
            .position(|r| r.method == "GET" && r.path.eq_ignore_ascii_case(&account))
        else {
            return false;
        };
        self.at.reread = true;
        self.at.index = read;
        self.at.attempts = 0;
        self.at.edited_body = None;
        true
    }
}
