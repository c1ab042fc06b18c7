//! Runs a plan against ARM, one request at a time, as a state machine with no I/O: the caller
//! asks [`Executor::next`] what to do (send this request, wait, ask for a confirmation, or
//! stop), does it, and hands the answer back. The page drives it with `fetch` and timers, the
//! tests with a scripted transport ([`run`]).
//!
//! The requests are the plan's, exactly as the REST tab shows them; what the REST tab leaves to
//! the person, it decides from what ARM answered:
//! - GETs are always sent; what they return is kept, and the plan's bodies are computed again
//!   from it (read, merge, write), so a merged rule list holds what is there now;
//! - a write whose body is already satisfied, a create-only PUT of something that exists, and
//!   a subdomain check when nothing will be created are skipped; a step whose writes were all
//!   skipped is "skipped";
//! - a create guarded by an edit mark (a resource group or an account, which a PUT would
//!   replace) is sent with the documented edit only after its GET answered 404;
//! - a body that still needs the current settings is never sent: the step fails and says so;
//! - a step that is irreversible, deletes anything, or writes beyond the target resource
//!   ([`super::beyond_target`]) waits for the person's confirmation before its first such
//!   write is sent; declined, nothing of it is sent.
//!
//! The token is never kept here: the caller passes it to each `next` call.
//!
//! This file is the step runner; the rest, by concern: `live` keeps what ARM said and computes
//! the plan's bodies again from it, `decide` sends, skips or refuses each request, `answers`
//! takes a request's answer (with `retries` for throttling, races and dropped reads),
//! `polling` watches a long-running operation, `preview` says what each step would
//! change before the run, `resume` goes on after a stop with the plan as the form says now,
//! `storage_acls` computes the storage firewall's body from what was read, `existing_dns` acts
//! on an endpoint's zone group and a zone's network link under the names they exist with, and
//! `tenants` stops
//! before a request whose subscription is of another Entra tenant than the token's (a subnet
//! in another tenant), and `close_guard` stops before a write that closes public access while a
//! manual endpoint's connection is not Approved (with own DNS servers: until the person confirms).

mod answers;
mod close_guard;
mod decide;
mod existing_dns;
mod live;
mod polling;
mod preview;
mod resume;
mod retries;
mod storage_acls;
mod tenants;

pub use resume::{step_identity, Resumed};
pub use tenants::TOKEN_FOR_ANOTHER_TENANT;

use serde_json::Value;

use super::beyond_target;
use super::http::{check_path, HttpRequest, HttpResponse, TransportError};
use super::policy::{self, Failure};
use decide::{is_check, Decision};
use polling::Poll;
use tenants::TenantCheck;
use wizard_core::plan::{ArmRequest, Plan};

#[derive(Clone, Debug, PartialEq)]
pub enum StepStatus {
    Pending,
    Running,
    Done,
    /// Already as the plan wants it: nothing was changed. The text says why.
    Skipped(String),
    Failed(Failure),
}

/// A request that was sent (token redacted) and what came back.
#[derive(Clone, Debug, PartialEq)]
pub struct Sent {
    pub request: String,
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StepRun {
    pub title: String,
    pub irreversible: bool,
    pub status: StepStatus,
    pub sent: Vec<Sent>,
}

/// A step before the run: what it would change, or that it is already so.
#[derive(Clone, Debug, PartialEq)]
pub struct StepPreview {
    pub title: String,
    /// It only reads (a check).
    pub check_only: bool,
    /// Every write is already satisfied: the step will be skipped.
    pub satisfied: bool,
    /// One line per value that changes (`path: now X, becomes Y`) or per skipped write.
    pub changes: Vec<String>,
    /// When the step needs a token of another Entra tenant than the step before it: which.
    pub token: Option<String>,
    /// What the run asks the person to confirm before the step writes, as it will ask it.
    pub confirmation: Option<String>,
    /// Each write the step would send, as HTTP text with its body (the token never shown):
    /// computed from what was read when it was read, else as the plan writes it.
    pub requests: Vec<String>,
}

/// What the caller does next.
#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    /// Send it and pass the answer to [`Executor::on_response`].
    Send(HttpRequest),
    /// Wait, then call [`Executor::waited`].
    Wait {
        seconds: u32,
        why: String,
    },
    /// A step is about to change something irreversibly, delete something, or write beyond
    /// the target resource: [`Executor::confirm`] or [`Executor::cancel`]. One confirmation
    /// covers the step; the warning names everything it may delete or change.
    Confirm {
        step: usize,
        warning: String,
    },
    Stopped(Outcome),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Completed,
    /// The step failed (its status says why); [`Executor::resume`] starts it again.
    Failed {
        step: usize,
    },
    /// Stopped at the person's request before `step` finished.
    Cancelled {
        step: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
enum Awaiting {
    Request,
    Poll,
}

/// Where the run is.
#[derive(Clone, Debug, Default)]
struct Cursor {
    step: usize,
    /// The step's requests; `None` until the step starts.
    requests: Option<Vec<ArmRequest>>,
    index: usize,
    /// Retries of the current request (throttling, races, dropped reads).
    attempts: u32,
    polls: u32,
    wrote: bool,
    skips: Vec<String>,
    poll: Option<Poll>,
    awaiting: Option<Awaiting>,
    wait: Option<(u32, String)>,
    /// The body actually sent when it differs from the plan's (the documented create edit).
    edited_body: Option<Value>,
    /// The subdomain check said "not available" and the account was read again (a write of
    /// this subdomain that timed out may have landed since).
    reread: bool,
    /// The tenant (`tid`) of the token the request in flight went with.
    sent_tenant: Option<String>,
}

pub struct Executor {
    plan: Plan,
    /// Each step as planned (before any read), to tell on Resume what the form changed.
    planned: Vec<resume::Planned>,
    /// Steps kept from before a Resume: not run again.
    kept: Vec<bool>,
    resumed: Option<Resumed>,
    endpoint: String,
    pub steps: Vec<StepRun>,
    /// What ARM last said per path (lower case): `Some(None)` is a 404.
    live: Vec<(String, Option<Value>)>,
    at: Cursor,
    outcome: Option<Outcome>,
    cancel_requested: bool,
    confirmed: Option<usize>,
    /// Subscriptions (lower case) and the Entra tenant Resource Manager showed each belongs
    /// to during this run (kept across Resume).
    tenants: Vec<(String, String)>,
}

/// A `Transport` for [`run`]: sends, waits and confirms synchronously (tests, command line).
pub trait Transport {
    fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, TransportError>;
    fn wait(&mut self, seconds: u32);
    /// Whether the person confirms the step (irreversible, deleting, or writing beyond the
    /// target).
    fn confirm(&mut self, step: &StepRun, warning: &str) -> bool;
}

/// Drives the executor to its next stop.
pub fn run(executor: &mut Executor, token: &str, transport: &mut impl Transport) -> Outcome {
    loop {
        match executor.next(token) {
            Next::Send(request) => {
                let answer = transport.send(&request);
                executor.on_response(answer);
            }
            Next::Wait { seconds, .. } => {
                transport.wait(seconds);
                executor.waited();
            }
            Next::Confirm { step, warning } => {
                if transport.confirm(&executor.steps[step], &warning) {
                    executor.confirm();
                } else {
                    executor.cancel();
                }
            }
            Next::Stopped(outcome) => return outcome,
        }
    }
}

/// What the person confirms before `step` sends a write: that it cannot be undone, and what it
/// deletes or changes beyond the target ([`beyond_target`]). `None` when nothing is asked.
pub fn confirmation(plan: &Plan, step: &wizard_core::plan::Step) -> Option<String> {
    let writes = plan.requests(step).iter().any(|r| r.method != "GET");
    let irreversible =
        (step.irreversible && writes).then(|| format!("IRREVERSIBLE: {}", step.irreversibility()));
    let parts: Vec<String> = irreversible
        .into_iter()
        .chain(cuts_clients_off(step).filter(|_| writes))
        .chain(beyond_target::confirmation_warning(plan, step))
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// The writes after which clients that are not allowed are refused: asked like an irreversible
/// step, since a client cut off by mistake is an outage.
fn cuts_clients_off(step: &wizard_core::plan::Step) -> Option<String> {
    use wizard_core::arm_values::DefaultAction;
    use wizard_core::plan::Action;
    if !step.action.cuts_clients_off() {
        return None;
    }
    Some(match step.action {
        Action::SetDefaultAction {
            action: DefaultAction::Deny,
        } => "CUTS CLIENTS OFF: from this step on, only the allowed addresses, subnets and private endpoints (and trusted services, if bypassed) reach the account; every other client is refused.".into(),
        _ => "CUTS CLIENTS OFF: from this step on, only private endpoints reach the account; every client of its public endpoint is refused.".into(),
    })
}

impl Executor {
    /// `endpoint`: the Resource Manager URL without a trailing slash.
    pub fn new(plan: Plan, endpoint: &str) -> Executor {
        let steps = plan
            .steps
            .iter()
            .map(|s| StepRun {
                title: s.title.clone(),
                irreversible: s.irreversible,
                status: StepStatus::Pending,
                sent: Vec::new(),
            })
            .collect();
        Executor {
            planned: resume::planned(&plan),
            kept: Vec::new(),
            resumed: None,
            plan,
            endpoint: endpoint.trim_end_matches('/').to_owned(),
            steps,
            live: Vec::new(),
            at: Cursor::default(),
            outcome: None,
            cancel_requested: false,
            confirmed: None,
            tenants: Vec::new(),
        }
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// Stop after the request in flight (or now, when none is).
    pub fn cancel(&mut self) {
        self.cancel_requested = true;
    }

    pub fn confirm(&mut self) {
        self.confirmed = Some(self.at.step);
    }

    pub fn waited(&mut self) {
        self.at.wait = None;
    }

    /// What was applied and what was not, for the message after a stop.
    pub fn summary(&self) -> (Vec<String>, Vec<String>) {
        let mut applied = Vec::new();
        let mut not_applied = Vec::new();
        for step in &self.steps {
            match &step.status {
                StepStatus::Done => applied.push(step.title.clone()),
                StepStatus::Skipped(why) => applied.push(format!("{} ({why})", step.title)),
                _ => not_applied.push(step.title.clone()),
            }
        }
        (applied, not_applied)
    }

    pub fn next(&mut self, token: &str) -> Next {
        if let Some(outcome) = &self.outcome {
            return Next::Stopped(outcome.clone());
        }
        if self.at.awaiting.is_some() {
            // Asked again before the answer came: the same request is still out.
            return self.outgoing(token);
        }
        if self.cancel_requested {
            return self.stop_cancelled();
        }
        if let Some((seconds, why)) = &self.at.wait {
            return Next::Wait {
                seconds: *seconds,
                why: why.clone(),
            };
        }
        if self.at.poll.is_some() {
            self.at.awaiting = Some(Awaiting::Poll);
            return self.outgoing(token);
        }
        loop {
            if self.at.step >= self.plan.steps.len() {
                self.outcome = Some(Outcome::Completed);
                return Next::Stopped(Outcome::Completed);
            }
            let requests = match &self.at.requests {
                Some(requests) => requests.clone(),
                None if self.is_kept(self.at.step) => {
                    self.at = Cursor {
                        step: self.at.step + 1,
                        ..Cursor::default()
                    };
                    continue;
                }
                None => {
                    let requests = self.plan.requests(&self.plan.steps[self.at.step]);
                    self.steps[self.at.step].status = StepStatus::Running;
                    self.steps[self.at.step].sent.clear();
                    self.at.requests = Some(requests.clone());
                    requests
                }
            };
            let Some(request) = requests.get(self.at.index) else {
                self.finish_step();
                continue;
            };
            match self.decide(request, &requests) {
                Decision::Skip(why) => {
                    self.at.skips.push(why);
                    self.at.index += 1;
                }
                Decision::Fail(failure) => return self.fail(failure),
                Decision::Send(edited) => {
                    if let Err(why) = check_path(&request.path) {
                        return self.fail(policy::not_sent(request, &why));
                    }
                    if let Some(failure) = self.unapproved_before_close(request) {
                        return self.fail(failure);
                    }
                    match self.tenant_check(request, token) {
                        TenantCheck::Send => {}
                        TenantCheck::Stop(failure) => return self.fail(failure),
                        TenantCheck::SkipRead(why) => {
                            self.at.skips.push(why);
                            self.at.index += 1;
                            continue;
                        }
                    }
                    if let Some(warning) = self.resolution_unconfirmed(request) {
                        return Next::Confirm {
                            step: self.at.step,
                            warning,
                        };
                    }
                    let step = &self.plan.steps[self.at.step];
                    let asks = (request.method != "GET"
                        && (step.irreversible || step.action.cuts_clients_off()))
                        || beyond_target::needs_confirmation(self.plan.target(), request);
                    if asks && self.confirmed != Some(self.at.step) {
                        return Next::Confirm {
                            step: self.at.step,
                            warning: confirmation(&self.plan, step).unwrap_or_default(),
                        };
                    }
                    self.at.edited_body = edited;
                    self.at.awaiting = Some(Awaiting::Request);
                    return self.outgoing(token);
                }
            }
        }
    }

    fn current_request(&self) -> &ArmRequest {
        &self.at.requests.as_ref().expect("a started step")[self.at.index]
    }

    /// The request in flight, with the token.
    fn outgoing(&mut self, token: &str) -> Next {
        self.sending_with(token);
        let awaiting = self.at.awaiting.clone().unwrap_or(Awaiting::Request);
        Next::Send(self.build(&awaiting, token))
    }

    fn build(&self, awaiting: &Awaiting, token: &str) -> HttpRequest {
        let request = self.current_request();
        match (awaiting, &self.at.poll) {
            (Awaiting::Poll, Some(Poll::AsyncOperation(url) | Poll::Location(url))) => {
                HttpRequest::get(url, token)
            }
            (Awaiting::Poll, _) => {
                let mut get = request.clone();
                get.method = "GET";
                get.body = None;
                get.if_none_match = false;
                HttpRequest::from_arm(&get, &self.endpoint, token)
            }
            (Awaiting::Request, _) => {
                let mut sent = request.clone();
                if let Some(body) = &self.at.edited_body {
                    sent.body = Some(body.clone());
                }
                HttpRequest::from_arm(&sent, &self.endpoint, token)
            }
        }
    }

    pub fn on_response(&mut self, answer: Result<HttpResponse, TransportError>) {
        let Some(awaiting) = self.at.awaiting.take() else {
            return;
        };
        let request = self.current_request().clone();
        let shown = self.build(&awaiting, super::http::REDACTED).redacted_text();
        let answer_text = match &answer {
            Ok(response) => policy::describe(response),
            Err(error) => format!("no answer: {}", policy::describe_transport(error)),
        };
        self.steps[self.at.step].sent.push(Sent {
            request: shown,
            answer: answer_text,
        });
        if let Ok(response) = &answer {
            self.learn_tenant(response);
        }
        match awaiting {
            Awaiting::Request => self.on_request_answer(&request, answer),
            Awaiting::Poll => self.on_poll_answer(&request, answer),
        }
    }

    fn next_request(&mut self) {
        self.at.index += 1;
        self.at.attempts = 0;
        self.at.edited_body = None;
    }

    fn finish_step(&mut self) {
        let step = self.at.step;
        self.steps[step].status = if self.at.wrote || is_check(&self.plan.steps[step]) {
            StepStatus::Done
        } else {
            let mut why = self.at.skips.clone();
            why.dedup();
            StepStatus::Skipped(if why.is_empty() {
                "nothing to change".into()
            } else {
                why.join("; ")
            })
        };
        self.at = Cursor {
            step: step + 1,
            ..Cursor::default()
        };
        self.confirmed = None;
    }

    /// Stops on an answer ARM refused: its code and message, and what to do.
    fn fail_with_answer(&mut self, response: &HttpResponse, request: &ArmRequest) {
        let mut failure = policy::failure(response, &request.path, self.plan.target().cloud);
        if let Some(note) = self.form_tenant_refused(response) {
            failure.advice = format!("{note}\n{}", failure.advice);
        }
        self.fail(failure);
    }

    fn fail(&mut self, failure: Failure) -> Next {
        let step = self.at.step;
        self.at.awaiting = None;
        self.at.poll = None;
        self.at.wait = None;
        self.steps[step].status = StepStatus::Failed(failure);
        let outcome = Outcome::Failed { step };
        self.outcome = Some(outcome.clone());
        Next::Stopped(outcome)
    }

    fn stop_cancelled(&mut self) -> Next {
        let step = self.at.step.min(self.steps.len().saturating_sub(1));
        if self.at.step < self.steps.len() {
            self.steps[step].status = StepStatus::Failed(Failure {
                code: "Cancelled".into(),
                message: "Stopped at your request; no request was left half-sent.".into(),
                advice: "Resume runs this step again from its first request, with the form as it is then: what it already changed is read and skipped.".into(),
            });
        }
        let outcome = Outcome::Cancelled { step };
        self.outcome = Some(outcome.clone());
        self.at.wait = None;
        self.at.poll = None;
        Next::Stopped(outcome)
    }
}
