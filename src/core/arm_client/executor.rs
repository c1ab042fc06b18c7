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
//! - a body that still needs the current settings is never sent: the step fails and says so.
//!
//! The token is never kept here: the caller passes it to each `next` call.

use serde_json::Value;

use super::compare::{self, satisfied};
use super::http::{HttpRequest, HttpResponse, TransportError};
use super::policy::{self, Failure, Retry};
use crate::core::current_state::{validate_current_state, CurrentStateDraft};
use crate::core::plan::{Action, ArmRequest, EndpointAction, Plan, Step};
use crate::core::request_bodies::EDIT_MARK;

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
    /// An irreversible step is about to change something: [`Executor::confirm`] or
    /// [`Executor::cancel`].
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

/// A long-running operation being watched.
#[derive(Clone, Debug, PartialEq)]
enum Poll {
    /// Azure-AsyncOperation: GET it until `status` is terminal.
    AsyncOperation(String),
    /// Location: GET it while it answers 202.
    Location(String),
    /// No readable header (CORS): GET the resource until its provisioningState is terminal,
    /// or, after a DELETE, until it is gone.
    Resource { deleted: bool },
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
}

pub struct Executor {
    plan: Plan,
    endpoint: String,
    pub steps: Vec<StepRun>,
    /// What ARM last said per path (lower case): `Some(None)` is a 404.
    live: Vec<(String, Option<Value>)>,
    at: Cursor,
    outcome: Option<Outcome>,
    cancel_requested: bool,
    confirmed: Option<usize>,
}

/// A `Transport` for [`run`]: sends, waits and confirms synchronously (tests, command line).
pub trait Transport {
    fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, TransportError>;
    fn wait(&mut self, seconds: u32);
    /// Whether the person confirms the irreversible step.
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
            plan,
            endpoint: endpoint.trim_end_matches('/').to_owned(),
            steps,
            live: Vec::new(),
            at: Cursor::default(),
            outcome: None,
            cancel_requested: false,
            confirmed: None,
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

    /// After a failure or a cancel: run the stopped step again from its first request (its
    /// reads come first, so what it already changed is skipped).
    pub fn resume(&mut self) {
        if matches!(
            self.outcome,
            Some(Outcome::Failed { .. } | Outcome::Cancelled { .. })
        ) {
            let step = self.at.step;
            self.steps[step].status = StepStatus::Pending;
            self.at = Cursor {
                step,
                ..Cursor::default()
            };
            self.outcome = None;
            self.cancel_requested = false;
            self.confirmed = None;
        }
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

    /// What a read before the run returned (the page's "Load from Azure"): `None` for a 404.
    /// The plan's bodies are computed from it, and [`Self::preview`] compares with it.
    pub fn remember_read(&mut self, path: &str, value: Option<Value>) {
        self.remember(&path.to_ascii_lowercase(), value);
        self.refresh_requests();
    }

    /// Per step, before anything is sent: what its writes would change in what was read, or
    /// that they are already satisfied.
    pub fn preview(&self) -> Vec<StepPreview> {
        self.plan
            .steps
            .iter()
            .map(|step| {
                let requests = self.plan.requests(step);
                let mut lines = Vec::new();
                let mut satisfied = true;
                let mut writes = 0;
                for (index, request) in requests.iter().enumerate() {
                    if request.method == "GET" {
                        continue;
                    }
                    writes += 1;
                    let current = self.lookup(&request.path.to_ascii_lowercase());
                    let probe = Executor {
                        at: Cursor {
                            index,
                            ..Cursor::default()
                        },
                        ..self.shallow()
                    };
                    if let Decision::Skip(why) = probe.decide(request, &requests) {
                        lines.push(format!("{} {}: {why}", request.method, request.path));
                        continue;
                    }
                    satisfied = false;
                    match (request.method, current, &request.body) {
                        ("PUT" | "PATCH", Some(Some(now)), Some(body)) => {
                            lines.extend(compare::changes(body, Some(now)))
                        }
                        ("PUT", Some(None), _) => lines.push(format!("creates {}", request.path)),
                        ("DELETE", _, _) => lines.push(format!("deletes {}", request.path)),
                        _ => lines.push(format!(
                            "{} {} (what is there is read when the step runs)",
                            request.method, request.path
                        )),
                    }
                }
                StepPreview {
                    title: step.title.clone(),
                    check_only: writes == 0,
                    satisfied: writes > 0 && satisfied,
                    changes: lines,
                }
            })
            .collect()
    }

    /// A copy that can answer `decide` (plan, reads), without the run's records.
    fn shallow(&self) -> Executor {
        Executor {
            plan: self.plan.clone(),
            endpoint: self.endpoint.clone(),
            steps: Vec::new(),
            live: self.live.clone(),
            at: Cursor::default(),
            outcome: None,
            cancel_requested: false,
            confirmed: None,
        }
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
                None => {
                    let requests = self.plan.requests(&self.plan.steps[self.at.step]);
                    self.steps[self.at.step].status = StepStatus::Running;
                    self.steps[self.at.step].sent.clear();
                    self.at.requests = Some(requests.clone());
                    requests
                }
            };
            let Some(request) = requests.get(self.at.index) else {
                if let Some(failure) = self.check_after(self.at.step) {
                    return self.fail(failure);
                }
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
                    let step = &self.plan.steps[self.at.step];
                    if request.method != "GET"
                        && step.irreversible
                        && self.confirmed != Some(self.at.step)
                    {
                        return Next::Confirm {
                            step: self.at.step,
                            warning: format!("IRREVERSIBLE: {}", step.irreversibility()),
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
    fn outgoing(&self, token: &str) -> Next {
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
        match awaiting {
            Awaiting::Request => self.on_request_answer(&request, answer),
            Awaiting::Poll => self.on_poll_answer(&request, answer),
        }
    }

    fn on_request_answer(
        &mut self,
        request: &ArmRequest,
        answer: Result<HttpResponse, TransportError>,
    ) {
        let response = match answer {
            Ok(response) => response,
            Err(error) => {
                if request.method == "GET" && self.at.attempts < policy::READ_RETRIES {
                    self.at.attempts += 1;
                    self.at.wait = Some((
                        policy::READ_RETRY_SECONDS,
                        "The connection dropped; reading again.".into(),
                    ));
                    return;
                }
                self.fail(policy::dropped(request, &error));
                return;
            }
        };
        match policy::retry(&response, self.at.attempts) {
            Retry::After(seconds, why) => {
                self.at.attempts += 1;
                self.at.wait = Some((seconds, why));
                return;
            }
            Retry::GiveUp(failure) => {
                self.fail(failure);
                return;
            }
            Retry::No => {}
        }
        let path = request.path.to_ascii_lowercase();
        let status = response.status;
        if request.method == "GET" {
            match status {
                200 => self.remember(&path, response.json()),
                404 if self.written_later(&path) => self.remember(&path, None),
                _ => {
                    self.fail(policy::failure(
                        &response,
                        &request.path,
                        &self.token_commands(),
                    ));
                    return;
                }
            }
            self.refresh_requests();
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
            self.fail(policy::failure(
                &response,
                &request.path,
                &self.token_commands(),
            ));
            return;
        }
        if let Some(failure) = policy::check_answer(request, &response) {
            self.fail(failure);
            return;
        }
        self.at.wrote =
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
            self.at.poll = Some(
                match (
                    response.header("azure-asyncoperation"),
                    response.header("location"),
                ) {
                    (Some(url), _) => Poll::AsyncOperation(url.to_owned()),
                    (None, Some(url)) => Poll::Location(url.to_owned()),
                    (None, None) => Poll::Resource {
                        deleted: request.method == "DELETE",
                    },
                },
            );
            self.at.polls = 0;
            let seconds = policy::poll_seconds(&response);
            self.at.wait = Some((seconds, "Waiting for the long-running operation.".into()));
            return;
        }
        match request.method {
            "DELETE" => self.remember(&path, None),
            "PUT" | "PATCH" => self.remember_write(&path, body),
            _ => {}
        }
        self.next_request();
    }

    fn on_poll_answer(
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
                self.fail(policy::failure(
                    &response,
                    &request.path,
                    &self.token_commands(),
                ));
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

    fn token_commands(&self) -> String {
        super::token::token_commands(self.plan.target().cloud)
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
                advice: "Resume runs this step again from its first request: what it already changed is read and skipped.".into(),
            });
        }
        let outcome = Outcome::Cancelled { step };
        self.outcome = Some(outcome.clone());
        self.at.wait = None;
        self.at.poll = None;
        Next::Stopped(outcome)
    }

    // ---- what ARM said ----

    fn lookup(&self, path: &str) -> Option<&Option<Value>> {
        self.live.iter().find(|(p, _)| p == path).map(|(_, v)| v)
    }

    fn remember(&mut self, path: &str, value: Option<Value>) {
        self.forget(path);
        self.live.push((path.to_owned(), value));
    }

    fn forget(&mut self, path: &str) {
        self.live.retain(|(p, _)| p != path);
    }

    /// A write's answer is the resource when it carries its ID; otherwise it is not known.
    fn remember_write(&mut self, path: &str, body: Option<Value>) {
        match body {
            Some(value)
                if value
                    .get("id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| id.eq_ignore_ascii_case(path)) =>
            {
                self.remember(path, Some(value));
            }
            _ => self.forget(path),
        }
        self.refresh_requests();
    }

    /// Whether a later request of the step writes or deletes `path` (so a 404 read is
    /// expected: not created yet, or gone already).
    fn written_later(&self, path: &str) -> bool {
        let requests = self.at.requests.as_deref().unwrap_or_default();
        requests[self.at.index + 1..]
            .iter()
            .any(|r| matches!(r.method, "PUT" | "DELETE") && r.path.eq_ignore_ascii_case(path))
    }

    /// The plan's bodies computed again from what ARM just said (the account and the subnets
    /// it holds), when the step's requests keep their shape.
    fn refresh_requests(&mut self) {
        let account_id = self.plan.target().resource_id();
        let account = self
            .lookup(&account_id.to_ascii_lowercase())
            .cloned()
            .flatten();
        let subnets: Vec<Value> = self
            .live
            .iter()
            .filter(|(p, _)| p.contains("/subnets/"))
            .filter_map(|(_, v)| v.clone())
            .collect();
        if account.is_none() && subnets.is_empty() {
            return;
        }
        // A subnet this snapshot cannot read (one the plan only reads) must not hide the rest.
        let readable = |subnet: &Value| {
            let draft = CurrentStateDraft {
                read_at: "-".into(),
                subnets: vec![subnet.clone()],
                ..CurrentStateDraft::default()
            };
            validate_current_state(&draft, None, &mut Vec::new()).is_some()
        };
        let draft = CurrentStateDraft {
            read_at: "during this run".into(),
            source: "read from Resource Manager".into(),
            account,
            subnets: subnets.into_iter().filter(readable).collect(),
        };
        let Some(state) = validate_current_state(&draft, Some(&account_id), &mut Vec::new()) else {
            return;
        };
        self.plan.config.current_state = Some(state);
        let Some(old) = &self.at.requests else {
            return;
        };
        let fresh = self.plan.requests(&self.plan.steps[self.at.step]);
        let same_shape = fresh.len() == old.len()
            && fresh
                .iter()
                .zip(old)
                .all(|(a, b)| a.method == b.method && a.path == b.path);
        if same_shape {
            self.at.requests = Some(fresh);
        }
    }

    fn decide(&self, request: &ArmRequest, requests: &[ArmRequest]) -> Decision {
        let path = request.path.to_ascii_lowercase();
        let current = self.lookup(&path);
        match request.method {
            "GET" | "DELETE" => Decision::Send(None),
            "POST" if request.path.ends_with("/checkDomainAvailability") => {
                let writes: Vec<&ArmRequest> = requests[self.at.index + 1..]
                    .iter()
                    .filter(|r| r.method == "PUT" || r.method == "PATCH")
                    .collect();
                if !writes.is_empty()
                    && writes
                        .iter()
                        .all(|w| matches!(self.decide(w, requests), Decision::Skip(_)))
                {
                    Decision::Skip("the subdomain is set already".into())
                } else {
                    Decision::Send(None)
                }
            }
            "POST" => Decision::Send(None),
            _ => {
                let exists = matches!(current, Some(Some(_)));
                if request.if_none_match && exists {
                    return Decision::Skip("exists already".into());
                }
                let Some(body) = &request.body else {
                    return Decision::Send(None);
                };
                if let Some(edited) = without_create_guard(body) {
                    return match current {
                        Some(Some(_)) => Decision::Skip("exists already".into()),
                        Some(None) => Decision::Send(Some(edited)),
                        None => Decision::Fail(policy::needs_state(request)),
                    };
                }
                if let Some(Some(now)) = current {
                    if satisfied(body, now) {
                        return Decision::Skip("already as wanted".into());
                    }
                }
                if request.refused_until_edited {
                    return Decision::Fail(policy::needs_state(request));
                }
                Decision::Send(None)
            }
        }
    }

    /// After a step's requests: what the REST tab leaves to the reader's eye.
    fn check_after(&self, step: usize) -> Option<Failure> {
        let requests = self.at.requests.as_deref().unwrap_or_default();
        match &self.plan.steps[step].action {
            Action::PrivateEndpoint(EndpointAction::DisableNetworkPolicies { .. }) => {
                let subnet = requests
                    .first()
                    .and_then(|r| self.lookup(&r.path.to_ascii_lowercase()))
                    .cloned()
                    .flatten();
                let policies = subnet
                    .as_ref()
                    .and_then(|s| s.pointer("/properties/privateEndpointNetworkPolicies"))
                    .and_then(Value::as_str)
                    .unwrap_or("Disabled");
                (!policies.eq_ignore_ascii_case("Disabled")).then(|| Failure {
                    code: "NetworkPoliciesEnabled".into(),
                    message: format!("The subnet's privateEndpointNetworkPolicies is {policies}: a private endpoint needs it Disabled, and the only way to change it is a PUT of the whole subnet, which this page does not send."),
                    advice: "Run this step from the Azure CLI or PowerShell tab (they keep every property of the subnet), then Resume.".into(),
                })
            }
            _ => None,
        }
    }
}

enum Decision {
    /// `Some(body)`: send this body instead of the plan's (the documented create edit).
    Send(Option<Value>),
    Skip(String),
    Fail(Failure),
}

/// A create body guarded by an edit mark in `tags` (a PUT would replace an existing resource):
/// the body with that line deleted, the edit its note documents.
fn without_create_guard(body: &Value) -> Option<Value> {
    let tags = body.get("tags")?.as_str()?;
    if !tags.starts_with(EDIT_MARK) {
        return None;
    }
    let mut edited = body.clone();
    edited.as_object_mut()?.remove("tags");
    Some(edited)
}

/// Steps that only read: "done" every time they run.
fn is_check(step: &Step) -> bool {
    match &step.action {
        Action::SelectSubscription
        | Action::VerifyResource
        | Action::VerifyUserOwnedStorage { .. } => true,
        Action::PrivateEndpoint(action) => match action {
            EndpointAction::ShowDnsRecords { .. } | EndpointAction::ClientGuidance { .. } => true,
            EndpointAction::DisableNetworkPolicies { .. }
            | EndpointAction::CreateZone { .. }
            | EndpointAction::LinkZone { .. }
            | EndpointAction::CreateEndpoint { .. }
            | EndpointAction::AttachZoneGroup { .. }
            | EndpointAction::DeleteEndpoint { .. }
            | EndpointAction::CloseDependentPublicAccess { .. } => false,
        },
        Action::CreateAccount { .. }
        | Action::SetCustomSubdomain { .. }
        | Action::RegisterResourceProvider { .. }
        | Action::EnableServiceEndpoint { .. }
        | Action::MergeNetworkRules { .. }
        | Action::SetDefaultAction { .. }
        | Action::SetPublicNetworkAccess { .. }
        | Action::AssignStorageRole { .. }
        | Action::HardenStorage { .. }
        | Action::EndpointConnection(_) => false,
    }
}
