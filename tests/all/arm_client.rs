//! The live ARM client's core: reading a pasted token, the requests shared with the REST tab,
//! and the executor's state machine driven by a scripted transport (an in-memory Resource
//! Manager with faults injected per request), for every fault the page must survive.

use std::collections::BTreeMap;

use ai_network_wizard::arm_client::{
    policy, read_token, run, token_tenant, Executor, HttpRequest, HttpResponse, Outcome, StepRun,
    StepStatus, Transport, TransportError,
};
use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::draft::Draft;
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::plan::Plan;
use ai_network_wizard::core::render::{render, OutputTarget, RenderContext};
use ai_network_wizard::core::share_link::base64url::encode as b64;
use serde_json::{json, Value};

use crate::support::fixture;

const NOW: u64 = 1_800_000_000;
const ENDPOINT: &str = "https://arm.test";
const TOKEN: &str = "header.secret-token-value.signature";
/// The subscription of the in-memory ARM's operation URLs.
const SUBSCRIPTION: &str = "00000000-0000-4000-8000-000000000000";

fn jwt(claims: Value) -> String {
    format!(
        "{}.{}.c2ln",
        b64(br#"{"alg":"RS256","typ":"JWT"}"#),
        b64(claims.to_string().as_bytes())
    )
}

// ---- token ----

#[test]
fn a_token_is_read_locally_for_the_panel() {
    let token = jwt(json!({
        "aud": "https://management.azure.com/", "tid": "72f988bf-86f1-41af-91ab-2d7cd011db47",
        "upn": "ops@contoso.example", "oid": "0d7c1b2a-0000-4000-8000-000000000001", "exp": NOW + 3600
    }));
    let info = read_token(&format!("  Bearer {token}\n"), Cloud::AzureCloud, None, NOW).unwrap();
    assert_eq!(
        info.tenant.as_deref(),
        Some("72f988bf-86f1-41af-91ab-2d7cd011db47")
    );
    assert_eq!(
        info.subject,
        "user ops@contoso.example (object ID 0d7c1b2a-0000-4000-8000-000000000001)"
    );
    assert_eq!(info.audience, "https://management.azure.com/");
    assert_eq!(info.seconds_left(NOW), 3600);
    let app = jwt(
        json!({ "aud": "https://management.core.windows.net/", "appid": "11111111-2222-3333-4444-555555555555", "exp": NOW + 60 }),
    );
    assert_eq!(
        read_token(&app, Cloud::AzureCloud, None, NOW)
            .unwrap()
            .subject,
        "application 11111111-2222-3333-4444-555555555555"
    );
}

#[test]
fn a_wrong_token_is_refused_with_the_commands_for_the_chosen_cloud() {
    let gov = "https://management.usgovcloudapi.net/";
    let commands = [
        format!("az account get-access-token --resource {gov} --query accessToken --output tsv"),
        format!("Get-AzAccessToken -ResourceUrl {gov}"),
    ];
    let graph = jwt(json!({ "aud": "https://graph.microsoft.com", "exp": NOW + 3600 }));
    let public = jwt(json!({ "aud": "https://management.azure.com", "exp": NOW + 3600 }));
    let expired = jwt(json!({ "aud": gov, "exp": NOW - 120 }));
    let just_expired = jwt(json!({ "aud": gov, "exp": NOW - 30 }));
    for (text, problem) in [
        ("not a token", "not an access token"),
        ("a.b", "not an access token"),
        ("a.!!!.c", "not an access token"),
        (graph.as_str(), "audience https://graph.microsoft.com"),
        (
            public.as_str(),
            "not for the Resource Manager of Azure US Government",
        ),
        (expired.as_str(), "expired 2 minutes ago"),
        (just_expired.as_str(), "expired 1 minute ago."),
    ] {
        let message = read_token(text, Cloud::AzureUSGovernment, None, NOW).unwrap_err();
        assert!(message.contains(problem), "{text}: {message}");
        for command in &commands {
            assert!(message.contains(command.as_str()), "{text}: {message}");
        }
    }
}

#[test]
fn a_test_endpoint_accepts_only_a_token_minted_for_it() {
    let minted = jwt(json!({ "aud": "http://127.0.0.1:4567/", "exp": NOW + 600 }));
    let public = jwt(json!({ "aud": "https://management.azure.com/", "exp": NOW + 600 }));
    let other_port = jwt(json!({ "aud": "http://127.0.0.1:9999/", "exp": NOW + 600 }));
    let test_server = Some("http://127.0.0.1:4567/namespace");
    assert!(read_token(&minted, Cloud::AzureCloud, None, NOW).is_err());
    assert!(read_token(&minted, Cloud::AzureCloud, test_server, NOW).is_ok());
    for refused in [&public, &other_port] {
        let message = read_token(refused, Cloud::AzureCloud, test_server, NOW).unwrap_err();
        assert!(
            message.contains("test endpoint http://127.0.0.1:4567/namespace")
                && message.contains("only a token minted for it (audience http://127.0.0.1:4567/)"),
            "{message}"
        );
    }
    // A stored endpoint that is not on this machine is ignored: the cloud's rules apply.
    assert!(read_token(
        &public,
        Cloud::AzureCloud,
        Some("https://evil.example"),
        NOW
    )
    .is_ok());
}

// ---- one source with the REST tab ----

fn plan_of(draft: &Draft) -> Plan {
    generate(draft).plan.expect("a valid fixture")
}

#[test]
fn the_rest_tab_prints_exactly_the_requests_the_client_sends() {
    for (name, draft) in crate::support::fixtures() {
        let Some(plan) = generate(&draft).plan else {
            continue;
        };
        let rest = render(
            &plan,
            OutputTarget::Rest,
            &RenderContext::for_draft("2026-11-30", None, &draft),
        );
        for step in &plan.steps {
            for request in plan.requests(step) {
                let text =
                    HttpRequest::from_arm(&request, "{{armEndpoint}}", "{{token}}").to_http_text();
                assert!(rest.contains(&text), "{name}: the REST tab lacks\n{text}");
                let live = HttpRequest::from_arm(&request, ENDPOINT, TOKEN).to_http_text();
                assert_eq!(
                    live.replace(ENDPOINT, "{{armEndpoint}}")
                        .replace(TOKEN, "{{token}}"),
                    text
                );
            }
        }
    }
}

// ---- an in-memory Resource Manager ----

#[derive(Clone, Debug)]
enum Fault {
    Status(u16, &'static str, &'static str, Option<u32>),
    Drop,
    /// Applies the request, then the answer is lost.
    DropAfterApplying,
    TimedOut,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Lro {
    None,
    AsyncOperation,
    Location,
    /// Headers hidden by CORS: only the resource's provisioningState tells.
    Hidden,
    /// The operation ends Failed.
    Failing,
    /// The operation's URL is given in this header but on another origin (or with a dot
    /// segment): it must not be read with the token, so the resource settles on its next read.
    Elsewhere(&'static str, &'static str),
}

struct MemoryArm {
    resources: BTreeMap<String, Value>,
    faults: Vec<(&'static str, &'static str, Fault)>,
    lro: Lro,
    /// Pending operations: URL → (resource path, polls left).
    operations: BTreeMap<String, (String, u32)>,
    sent: Vec<HttpRequest>,
    waits: Vec<u32>,
    confirm: bool,
    /// When set, only confirmations whose text contains this are answered with `confirm`;
    /// every other one is accepted, as a person reading it would.
    confirm_only: Option<&'static str>,
    confirmations: Vec<String>,
    taken: Vec<String>,
    /// Resource groups (lower-case IDs) that do not exist; every other one does.
    missing_groups: Vec<String>,
}

impl MemoryArm {
    fn new(resources: Vec<Value>) -> MemoryArm {
        MemoryArm {
            resources: resources
                .into_iter()
                .map(|r| (r["id"].as_str().unwrap().to_ascii_lowercase(), r))
                .collect(),
            faults: Vec::new(),
            lro: Lro::None,
            operations: BTreeMap::new(),
            sent: Vec::new(),
            waits: Vec::new(),
            confirm: true,
            confirm_only: None,
            confirmations: Vec::new(),
            taken: Vec::new(),
            missing_groups: Vec::new(),
        }
    }

    /// The next request with this method whose URL contains `part` gets `fault` instead.
    fn fault(mut self, method: &'static str, part: &'static str, fault: Fault) -> Self {
        self.faults.push((method, part, fault));
        self
    }

    fn writes(&self) -> Vec<String> {
        self.sent
            .iter()
            .filter(|r| r.method != "GET" && !r.url.contains("checkDomainAvailability"))
            .map(|r| format!("{} {}", r.method, r.url))
            .collect()
    }

    fn answer(status: u16, body: Value) -> HttpResponse {
        HttpResponse {
            status,
            headers: Vec::new(),
            body: body.to_string(),
        }
    }

    fn error(status: u16, code: &str, message: &str) -> HttpResponse {
        Self::answer(
            status,
            json!({ "error": { "code": code, "message": message } }),
        )
    }

    fn apply(&mut self, request: &HttpRequest) -> HttpResponse {
        assert!(request.url.contains("?api-version="), "{}", request.url);
        let auth = request
            .headers
            .iter()
            .find(|(n, _)| *n == "Authorization")
            .map(|(_, v)| v.as_str());
        if auth != Some(&format!("Bearer {TOKEN}")) {
            return Self::error(
                401,
                "InvalidAuthenticationToken",
                "The access token is invalid.",
            );
        }
        let url = request
            .url
            .strip_prefix(ENDPOINT)
            .expect("the chosen endpoint");
        let path = url.split('?').next().unwrap().to_ascii_lowercase();
        if let Some((resource, left)) = self.operations.get(url).cloned() {
            return self.poll_operation(url, &resource, left);
        }
        let body: Option<Value> = request
            .body
            .as_ref()
            .map(|b| serde_json::from_str(b).expect("JSON body"));
        if let Some(b) = &body {
            assert!(
                !b.to_string().contains("<EDIT"),
                "an unedited body was sent: {b}"
            );
        }
        match request.method {
            "GET" => match self.resources.get(&path) {
                Some(r) => Self::answer(200, r.clone()),
                None if path.starts_with("/subscriptions/") && path.matches('/').count() == 2 => {
                    Self::answer(200, json!({ "id": path, "state": "Enabled" }))
                }
                None if path.contains("/resourcegroups/")
                    && path.matches('/').count() == 4
                    && !self.missing_groups.contains(&path) =>
                {
                    Self::answer(200, json!({ "id": path, "location": "westeurope" }))
                }
                // The lists a step reads to find what exists under another name.
                None if path.ends_with("/privatednszonegroups")
                    || path.ends_with("/virtualnetworklinks") =>
                {
                    let below = format!("{path}/");
                    let listed: Vec<Value> = self
                        .resources
                        .iter()
                        .filter(|(id, _)| {
                            id.starts_with(&below) && !id[below.len()..].contains('/')
                        })
                        .map(|(_, r)| r.clone())
                        .collect();
                    Self::answer(200, json!({ "value": listed }))
                }
                None => Self::error(404, "ResourceNotFound", "not found"),
            },
            "POST" if path.ends_with("/checkdomainavailability") => {
                let name = body.unwrap()["subdomainName"].as_str().unwrap().to_owned();
                let free = !self.taken.contains(&name)
                    && !self.resources.values().any(|r| {
                        r.pointer("/properties/customSubDomainName")
                            .and_then(Value::as_str)
                            == Some(&name)
                    });
                Self::answer(
                    200,
                    json!({ "isSubdomainAvailable": free, "reason": if free { "" } else { "Taken." } }),
                )
            }
            "POST" => Self::answer(200, json!({ "registrationState": "Registered" })),
            "DELETE" => match self.resources.remove(&path) {
                Some(_) => Self::answer(200, json!({})),
                None => Self::answer(204, json!({})),
            },
            "PUT" | "PATCH" => {
                let body = body.expect("a write has a body");
                let exists = self.resources.contains_key(&path);
                if request.headers.iter().any(|(n, _)| *n == "If-None-Match") && exists {
                    return Self::error(412, "PreconditionFailed", "exists");
                }
                let mut resource = match (request.method, self.resources.get(&path)) {
                    ("PATCH", None) => return Self::error(404, "ResourceNotFound", "not found"),
                    ("PATCH", Some(old)) => {
                        let mut merged = old.clone();
                        for (k, v) in body["properties"].as_object().unwrap() {
                            merged["properties"][k] = v.clone();
                        }
                        merged
                    }
                    _ => body.clone(),
                };
                let original_id = self.resources.get(&path).map(|r| r["id"].clone());
                resource["id"] =
                    original_id.unwrap_or_else(|| json!(url.split('?').next().unwrap()));
                if resource.get("properties").is_none() {
                    resource["properties"] = json!({});
                }
                resource["properties"]["provisioningState"] = json!("Succeeded");
                // A manual connection waits for the owner, as in Azure.
                if let Some(Value::Array(connections)) =
                    resource["properties"].get_mut("manualPrivateLinkServiceConnections")
                {
                    for connection in connections {
                        connection["properties"]["privateLinkServiceConnectionState"] =
                            json!({ "status": "Pending" });
                    }
                }
                if self.lro == Lro::None {
                    self.resources.insert(path, resource.clone());
                    return Self::answer(if exists { 200 } else { 201 }, resource);
                }
                // Long-running: the resource settles after one poll.
                let mut settling = resource.clone();
                settling["properties"]["provisioningState"] = json!("Accepted");
                self.resources.insert(path.clone(), settling.clone());
                let operation = format!(
                    "/subscriptions/{SUBSCRIPTION}/providers/Microsoft.Test/operations/{}?api-version=2024-01-01",
                    self.operations.len()
                );
                self.operations.insert(operation.clone(), (path, 1));
                let mut headers = vec![("retry-after".to_owned(), "3".to_owned())];
                match self.lro {
                    Lro::AsyncOperation | Lro::Failing => headers.push((
                        "azure-asyncoperation".into(),
                        format!("{ENDPOINT}{operation}"),
                    )),
                    Lro::Location => {
                        headers.push(("location".into(), format!("{ENDPOINT}{operation}")))
                    }
                    Lro::Elsewhere(origin, header) => {
                        headers.push((header.into(), format!("{origin}{operation}")))
                    }
                    Lro::Hidden | Lro::None => headers.clear(),
                }
                HttpResponse {
                    status: if exists { 200 } else { 201 },
                    headers,
                    body: settling.to_string(),
                }
            }
            other => panic!("unexpected method {other}"),
        }
    }

    fn poll_operation(&mut self, url: &str, resource: &str, left: u32) -> HttpResponse {
        if left > 0 {
            self.operations
                .insert(url.to_owned(), (resource.to_owned(), left - 1));
            return match self.lro {
                Lro::Location => HttpResponse {
                    status: 202,
                    headers: vec![("retry-after".into(), "4".into())],
                    body: String::new(),
                },
                _ => Self::answer(200, json!({ "status": "InProgress" })),
            };
        }
        if self.lro == Lro::Failing {
            return Self::answer(
                200,
                json!({ "status": "Failed", "error": { "code": "InternalServerError", "message": "The operation failed in the fake." } }),
            );
        }
        self.settle(resource);
        match self.lro {
            Lro::Location => Self::answer(200, self.resources[resource].clone()),
            _ => Self::answer(200, json!({ "status": "Succeeded" })),
        }
    }

    fn settle(&mut self, resource: &str) {
        if let Some(r) = self.resources.get_mut(resource) {
            r["properties"]["provisioningState"] = json!("Succeeded");
        }
    }
}

impl Transport for MemoryArm {
    fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        self.sent.push(request.clone());
        if let Some(at) = self
            .faults
            .iter()
            .position(|(m, part, _)| *m == request.method && request.url.contains(part))
        {
            let (_, _, fault) = self.faults.remove(at);
            return match fault {
                Fault::Status(status, code, message, retry_after) => {
                    let mut answer = Self::error(status, code, message);
                    if let Some(seconds) = retry_after {
                        answer
                            .headers
                            .push(("retry-after".into(), seconds.to_string()));
                    }
                    Ok(answer)
                }
                Fault::Drop => Err(TransportError::Dropped("connection reset".into())),
                Fault::DropAfterApplying => {
                    self.apply(request);
                    Err(TransportError::Dropped("connection reset".into()))
                }
                Fault::TimedOut => Err(TransportError::TimedOut),
            };
        }
        let answer = self.apply(request);
        // Hidden headers (or a status URL not read): the settling resource becomes Succeeded
        // on its next read.
        if matches!(self.lro, Lro::Hidden | Lro::Elsewhere(..)) && request.method == "GET" {
            let path = request
                .url
                .strip_prefix(ENDPOINT)
                .unwrap()
                .split('?')
                .next()
                .unwrap()
                .to_ascii_lowercase();
            self.settle(&path);
        }
        Ok(answer)
    }

    fn wait(&mut self, seconds: u32) {
        self.waits.push(seconds);
    }

    fn confirm(&mut self, step: &StepRun, warning: &str) -> bool {
        let asked = format!("{}: {warning}", step.title);
        let answer = match self.confirm_only {
            Some(text) if !asked.contains(text) => true,
            _ => self.confirm,
        };
        self.confirmations.push(asked);
        answer
    }
}

// ---- scenarios ----

const SUB: &str = "0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60";

/// An existing OpenAI account with rules, two subnets (one without the service endpoint):
/// the fixture's own snapshot, served live.
fn openai() -> (Draft, Vec<Value>) {
    let draft = fixture("openai-existing-current-state");
    let state = draft.current_state.clone().unwrap();
    let mut resources = vec![
        json!({ "id": format!("/subscriptions/{SUB}/resourceGroups/rg-openai-prod"), "location": "swedencentral" }),
        state.account.clone().unwrap(),
    ];
    resources.extend(state.subnets.iter().cloned());
    (draft, resources)
}

/// The same draft without its pasted snapshot: the run reads what it needs itself.
fn openai_without_snapshot() -> (Draft, Vec<Value>) {
    let (mut draft, resources) = openai();
    draft.current_state = None;
    (draft, resources)
}

fn statuses(executor: &Executor) -> Vec<String> {
    executor
        .steps
        .iter()
        .map(|s| match &s.status {
            StepStatus::Pending => "pending".to_owned(),
            StepStatus::Running => "running".to_owned(),
            StepStatus::Done => "done".to_owned(),
            StepStatus::Skipped(_) => "skipped".to_owned(),
            StepStatus::Failed(f) => format!("failed {}", f.code),
        })
        .collect()
}

fn failure_of(executor: &Executor, step: usize) -> ai_network_wizard::arm_client::Failure {
    match &executor.steps[step].status {
        StepStatus::Failed(f) => f.clone(),
        other => panic!("step {step} is {other:?}"),
    }
}

fn apply(draft: &Draft, arm: &mut MemoryArm) -> (Executor, Outcome) {
    let mut executor = Executor::new(plan_of(draft), ENDPOINT);
    let outcome = run(&mut executor, TOKEN, arm);
    (executor, outcome)
}

/// A step that changes something ("done") or a check ("done" too); after a second run every
/// step that changes something is skipped.
fn changing_steps(executor: &Executor, plan: &Plan) -> Vec<usize> {
    (0..executor.steps.len())
        .filter(|&i| {
            plan.requests(&plan.steps[i])
                .iter()
                .any(|r| r.method != "GET")
        })
        .collect()
}

#[test]
fn a_full_plan_applies_and_a_second_run_skips_every_change() {
    for (draft, resources) in [openai(), openai_without_snapshot()] {
        let mut arm = MemoryArm::new(resources);
        let (first, outcome) = apply(&draft, &mut arm);
        assert_eq!(outcome, Outcome::Completed, "{:#?}", first.steps);
        let account = &arm.resources[&format!("/subscriptions/{SUB}/resourcegroups/rg-openai-prod/providers/microsoft.cognitiveservices/accounts/contoso-openai")];
        let acls = &account["properties"]["networkAcls"];
        assert_eq!(acls["defaultAction"], "Deny");
        let ips: Vec<&str> = acls["ipRules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["value"].as_str().unwrap())
            .collect();
        assert_eq!(
            ips,
            [
                "192.0.2.10",
                "192.0.2.64/26",
                "203.0.113.0/24",
                "198.51.100.7"
            ],
            "kept, then added"
        );
        assert_eq!(acls["virtualNetworkRules"].as_array().unwrap().len(), 3);
        let api = &arm.resources[&format!("/subscriptions/{SUB}/resourcegroups/rg-network/providers/microsoft.network/virtualnetworks/vnet-apps/subnets/snet-api")];
        let services: Vec<&str> = api["properties"]["serviceEndpoints"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["service"].as_str().unwrap())
            .collect();
        assert_eq!(
            services,
            ["Microsoft.Storage", "Microsoft.CognitiveServices"],
            "the subnet keeps its endpoint"
        );
        assert_eq!(
            api["properties"]["delegations"][0]["properties"]["serviceName"],
            "Microsoft.Web/serverFarms",
            "and its delegation"
        );
        let writes_before = arm.writes().len();
        assert!(writes_before >= 2, "{:?}", arm.writes());

        let (second, outcome) = apply(&draft, &mut arm);
        assert_eq!(outcome, Outcome::Completed);
        assert_eq!(
            arm.writes().len(),
            writes_before,
            "the second run wrote: {:?}",
            &arm.writes()[writes_before..]
        );
        let plan = plan_of(&draft);
        for i in changing_steps(&second, &plan) {
            assert!(
                matches!(second.steps[i].status, StepStatus::Skipped(_)),
                "step {i}: {:?}",
                second.steps[i]
            );
        }
        assert!(statuses(&second)
            .iter()
            .all(|s| s == "done" || s == "skipped"));
    }
}

#[test]
fn the_requests_sent_are_the_rest_tabs_and_never_carry_the_token_into_the_record() {
    let (draft, resources) = openai();
    let mut arm = MemoryArm::new(resources);
    let (executor, _) = apply(&draft, &mut arm);
    let rest = render(
        &plan_of(&draft),
        OutputTarget::Rest,
        &RenderContext::for_draft("2026-11-30", None, &draft),
    );
    for sent in &arm.sent {
        let text = sent
            .to_http_text()
            .replace(ENDPOINT, "{{armEndpoint}}")
            .replace(TOKEN, "{{token}}");
        assert!(rest.contains(&text), "not in the REST tab:\n{text}");
    }
    for step in &executor.steps {
        for sent in &step.sent {
            assert!(!sent.request.contains(TOKEN) && !sent.answer.contains(TOKEN));
            assert!(
                sent.request.contains("Authorization: Bearer <token>"),
                "{}",
                sent.request
            );
        }
    }
}

#[test]
fn long_running_operations_are_polled_in_every_style() {
    for lro in [Lro::AsyncOperation, Lro::Location, Lro::Hidden] {
        let (draft, resources) = openai();
        let mut arm = MemoryArm::new(resources);
        arm.lro = lro;
        let (executor, outcome) = apply(&draft, &mut arm);
        assert_eq!(
            outcome,
            Outcome::Completed,
            "{lro:?}: {:#?}",
            executor.steps
        );
        let polls = arm
            .sent
            .iter()
            .filter(|r| r.url.contains("/operations/"))
            .count();
        match lro {
            Lro::Hidden => {
                assert_eq!(polls, 0);
                assert!(
                    arm.waits.iter().all(|&w| w == 5),
                    "{lro:?} waits {:?}",
                    arm.waits
                );
            }
            _ => {
                assert!(polls >= 4, "{lro:?}: {polls} polls");
                assert!(
                    arm.waits.contains(&3),
                    "{lro:?}: Retry-After honoured {:?}",
                    arm.waits
                );
            }
        }
        assert!(
            arm.resources
                .values()
                .all(|r| r["properties"]["provisioningState"] != "Accepted"),
            "{lro:?}: all settled"
        );
    }
}

#[test]
fn poll_urls_off_the_endpoint_are_not_followed_and_the_resource_is_watched_instead() {
    let dot_segment = "https://arm.test/subscriptions/00000000-0000-4000-8000-000000000000/..";
    for (origin, header) in [
        ("https://elsewhere.test", "azure-asyncoperation"),
        ("https://elsewhere.test", "location"),
        ("https://arm.test.elsewhere.test", "azure-asyncoperation"),
        ("https://arm.test@elsewhere.test", "location"),
        ("http://arm.test", "azure-asyncoperation"),
        ("https://arm.test:8443", "location"),
        (dot_segment, "azure-asyncoperation"),
    ] {
        let (draft, resources) = openai();
        let mut arm = MemoryArm::new(resources);
        arm.lro = Lro::Elsewhere(origin, header);
        let (executor, outcome) = apply(&draft, &mut arm);
        assert_eq!(
            outcome,
            Outcome::Completed,
            "{origin} {header}: {:#?}",
            executor.steps
        );
        let followed: Vec<&String> = arm
            .sent
            .iter()
            .map(|r| &r.url)
            .filter(|url| !url.starts_with("https://arm.test/") || url.contains("/operations/"))
            .collect();
        assert!(
            followed.is_empty(),
            "{origin} {header}: the token went to {followed:?}"
        );
        assert!(
            arm.resources
                .values()
                .all(|r| r["properties"]["provisioningState"] != "Accepted"),
            "{origin} {header}: every write was watched to its end through the resource"
        );
    }
}

#[test]
fn a_failed_operation_stops_with_its_error_and_resume_finishes() {
    let (draft, resources) = openai();
    let mut arm = MemoryArm::new(resources);
    arm.lro = Lro::Failing;
    let (mut executor, outcome) = apply(&draft, &mut arm);
    let Outcome::Failed { step } = outcome else {
        panic!("{outcome:?}")
    };
    let failure = failure_of(&executor, step);
    assert_eq!(failure.code, "InternalServerError");
    assert_eq!(failure.message, "The operation failed in the fake.");
    let (applied, not_applied) = executor.summary();
    assert!(applied
        .iter()
        .any(|t| t.starts_with("Select the subscription")));
    assert!(not_applied.contains(&executor.steps[step].title));
    arm.lro = Lro::None;
    executor.resume(plan_of(&draft));
    assert_eq!(
        run(&mut executor, TOKEN, &mut arm),
        Outcome::Completed,
        "{:#?}",
        executor.steps
    );
}

#[test]
fn throttling_and_another_operation_are_retried_after_retry_after() {
    let (draft, resources) = openai();
    let mut arm = MemoryArm::new(resources)
        .fault(
            "PATCH",
            "contoso-openai",
            Fault::Status(429, "TooManyRequests", "Slow down.", Some(7)),
        )
        .fault(
            "PUT",
            "snet-api",
            Fault::Status(
                409,
                "AnotherOperationInProgress",
                "Another operation on this or dependent resource is in progress.",
                Some(11),
            ),
        )
        .fault(
            "GET",
            "contoso-openai",
            Fault::Status(429, "TooManyRequests", "Slow down.", None),
        );
    let (executor, outcome) = apply(&draft, &mut arm);
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
    assert_eq!(arm.waits, [10, 11, 7], "hidden Retry-After waits 10 s");
}

#[test]
fn throttling_that_never_ends_gives_up_with_the_code() {
    let (draft, resources) = openai();
    let mut arm = MemoryArm::new(resources);
    for _ in 0..6 {
        arm = arm.fault(
            "PUT",
            "snet-api",
            Fault::Status(429, "TooManyRequests", "Slow down.", Some(1)),
        );
    }
    let (mut executor, outcome) = apply(&draft, &mut arm);
    let Outcome::Failed { step } = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(failure_of(&executor, step).code, "TooManyRequests");
    assert_eq!(arm.waits, [1, 1, 1, 1, 1]);
    executor.resume(plan_of(&draft));
    assert_eq!(run(&mut executor, TOKEN, &mut arm), Outcome::Completed);
}

#[test]
fn the_private_endpoint_accepted_race_is_retried_with_back_off() {
    let draft = fixture("speech-private-endpoint-created-zones");
    let plan = plan_of(&draft);
    let t = plan.target();
    let mut arm = MemoryArm::new(vec![
        json!({ "id": format!("/subscriptions/{}/resourceGroups/{}", t.subscription_id, t.resource_group), "location": t.region }),
        json!({ "id": t.resource_id(), "kind": "SpeechServices", "location": t.region, "properties": { "customSubDomainName": "x" } }),
        // The endpoint's virtual network: its creation reads it first.
        json!({ "id": format!("/subscriptions/{}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps", t.subscription_id), "location": t.region }),
    ]);
    let race = Fault::Status(400, "AccountProvisioningStateInvalid", "Call to Microsoft.CognitiveServices/accounts failed. Account is in Accepted provisioning state.", None);
    arm = arm.fault("PUT", "/privateEndpoints/", race.clone()).fault(
        "PUT",
        "/privateEndpoints/",
        race,
    );
    let mut executor = Executor::new(plan.clone(), ENDPOINT);
    let outcome = run(&mut executor, TOKEN, &mut arm);
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
    assert_eq!(arm.waits, [15, 30]);
    let (second, _) = apply(&draft, &mut arm);
    for i in changing_steps(&second, &plan) {
        assert!(
            matches!(second.steps[i].status, StepStatus::Skipped(_)),
            "step {i}: {:?}",
            second.steps[i]
        );
    }
}

#[test]
fn refused_tokens_and_permissions_stop_with_what_to_do_and_resume_finishes() {
    for (status, code, advice) in [
        (
            401,
            "ExpiredAuthenticationToken",
            "az account get-access-token --resource https://management.azure.com/",
        ),
        (403, "AuthorizationFailed", "Contributor"),
    ] {
        let (draft, resources) = openai();
        let mut arm = MemoryArm::new(resources).fault(
            "PATCH",
            "contoso-openai",
            Fault::Status(status, code, "Refused by the fake.", None),
        );
        let (mut executor, outcome) = apply(&draft, &mut arm);
        let Outcome::Failed { step } = outcome else {
            panic!("{outcome:?}")
        };
        let failure = failure_of(&executor, step);
        assert_eq!(
            (failure.code.as_str(), failure.message.as_str()),
            (code, "Refused by the fake.")
        );
        assert!(failure.advice.contains(advice), "{}", failure.advice);
        let (applied, not_applied) = executor.summary();
        assert!(
            applied.iter().any(|t| t.contains("service endpoint")),
            "{applied:?}"
        );
        assert!(
            not_applied.iter().any(|t| t.contains("default action")),
            "{not_applied:?}"
        );
        assert!(statuses(&executor)[step + 1..]
            .iter()
            .all(|s| s == "pending"));
        executor.resume(plan_of(&draft));
        assert_eq!(
            run(&mut executor, TOKEN, &mut arm),
            Outcome::Completed,
            "{:#?}",
            executor.steps
        );
    }
}

/// ARM's refusal of a token from another tenant than the subscription's, in its words.
const WRONG_TENANT_MESSAGE: &str = "The access token is from the wrong issuer 'https://sts.windows.net/72f988bf-0000-4000-8000-000000000001/'. It must match the tenant 'https://sts.windows.net/9E8D7C6B-5A49-4382-9170-A1B2C3D4E5F6/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/9E8D7C6B-5A49-4382-9170-A1B2C3D4E5F6' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.";

#[test]
fn a_token_from_another_tenant_than_the_subscriptions_gets_that_tenants_commands() {
    let (draft, resources) = openai();
    let mut arm = MemoryArm::new(resources).fault(
        "PATCH",
        "contoso-openai",
        Fault::Status(
            401,
            "InvalidAuthenticationTokenTenant",
            WRONG_TENANT_MESSAGE,
            None,
        ),
    );
    let (mut executor, outcome) = apply(&draft, &mut arm);
    let Outcome::Failed { step } = outcome else {
        panic!("{outcome:?}")
    };
    let failure = failure_of(&executor, step);
    assert_eq!(failure.code, "InvalidAuthenticationTokenTenant");
    let tenant = "9e8d7c6b-5a49-4382-9170-a1b2c3d4e5f6";
    for part in [
        "another Entra tenant than the subscription's".to_owned(),
        format!("asks for a token of tenant {tenant}"),
        format!("az account get-access-token --tenant {tenant} --resource https://management.azure.com/ --query accessToken --output tsv"),
        format!("Get-AzAccessToken -TenantId {tenant} -ResourceUrl https://management.azure.com/"),
        format!("[System.Net.NetworkCredential]::new('', (Get-AzAccessToken -TenantId {tenant} -ResourceUrl https://management.azure.com/ -AsSecureString).Token).Password"),
        "then Resume".to_owned(),
    ] {
        assert!(failure.advice.contains(&part), "{part} in {}", failure.advice);
    }
    // The same refusal for the US Government cloud names its Resource Manager; without a
    // tenant ID in the message, the advice says to add one.
    let refusal = |message: &str| HttpResponse {
        status: 401,
        headers: Vec::new(),
        body:
            json!({ "error": { "code": "InvalidAuthenticationTokenTenant", "message": message } })
                .to_string(),
    };
    let gov = policy::failure(
        &refusal(WRONG_TENANT_MESSAGE),
        "/subscriptions/x",
        Cloud::AzureUSGovernment,
    );
    assert!(
        gov.advice.contains(&format!(
            "--tenant {tenant} --resource https://management.usgovcloudapi.net/"
        )),
        "{}",
        gov.advice
    );
    let unnamed = policy::failure(
        &refusal("The access token is from the wrong issuer."),
        "/subscriptions/x",
        Cloud::AzureCloud,
    );
    assert!(
        unnamed
            .advice
            .contains("another Entra tenant than the subscription's")
            && unnamed.advice.contains("--tenant")
            && unnamed
                .advice
                .contains("az account get-access-token --resource https://management.azure.com/"),
        "{}",
        unnamed.advice
    );
    executor.resume(plan_of(&draft));
    assert_eq!(run(&mut executor, TOKEN, &mut arm), Outcome::Completed);
}

/// The tenant the executor compares is the token's `tid`, as pasted; a token without one (not
/// a JWT, no `tid`) has none, and is then left to Resource Manager.
#[test]
fn the_tenant_of_a_token_is_its_tid() {
    assert_eq!(token_tenant(TOKEN), None);
    let with = jwt(json!({ "tid": " 9E8D7C6B-5A49-4382-9170-A1B2C3D4E5F6 ", "exp": NOW }));
    assert_eq!(
        token_tenant(&format!("Bearer {with}")).as_deref(),
        Some("9E8D7C6B-5A49-4382-9170-A1B2C3D4E5F6")
    );
    assert_eq!(token_tenant(&jwt(json!({ "exp": NOW }))), None);
}

#[test]
fn a_dropped_connection_on_a_read_is_retried_and_on_a_write_stops_until_resumed() {
    let (draft, resources) = openai();
    let mut arm = MemoryArm::new(resources).fault("GET", "snet-api", Fault::Drop);
    let (_, outcome) = apply(&draft, &mut arm);
    assert_eq!(outcome, Outcome::Completed);
    assert_eq!(arm.waits, [2]);

    for fault in [Fault::DropAfterApplying, Fault::Drop, Fault::TimedOut] {
        let (draft, resources) = openai();
        let mut arm = MemoryArm::new(resources).fault("PUT", "snet-api", fault.clone());
        let (mut executor, outcome) = apply(&draft, &mut arm);
        let Outcome::Failed { step } = outcome else {
            panic!("{outcome:?}")
        };
        let failure = failure_of(&executor, step);
        let code = if matches!(fault, Fault::TimedOut) {
            "TimedOut"
        } else {
            "ConnectionDropped"
        };
        assert_eq!(failure.code, code, "{fault:?}");
        assert!(failure.message.contains("not known"), "{}", failure.message);
        executor.resume(plan_of(&draft));
        assert_eq!(run(&mut executor, TOKEN, &mut arm), Outcome::Completed);
        let subnet_puts = arm
            .writes()
            .iter()
            .filter(|w| w.starts_with("PUT") && w.contains("snet-api"))
            .count();
        let expected = if matches!(fault, Fault::DropAfterApplying) {
            1
        } else {
            2
        };
        assert_eq!(
            subnet_puts, expected,
            "{fault:?}: an applied write is read back and skipped on resume"
        );
    }
}

#[test]
fn cancel_stops_after_the_current_request_and_resume_goes_on() {
    let (draft, resources) = openai();
    let mut arm = MemoryArm::new(resources);
    let mut executor = Executor::new(plan_of(&draft), ENDPOINT);
    let ai_network_wizard::arm_client::Next::Send(first) = executor.next(TOKEN) else {
        panic!()
    };
    executor.cancel();
    let answer = arm.send(&first);
    executor.on_response(answer);
    let outcome = run(&mut executor, TOKEN, &mut arm);
    assert_eq!(outcome, Outcome::Cancelled { step: 0 });
    assert_eq!(arm.sent.len(), 1, "nothing after the request in flight");
    assert_eq!(failure_of(&executor, 0).code, "Cancelled");
    executor.resume(plan_of(&draft));
    assert_eq!(run(&mut executor, TOKEN, &mut arm), Outcome::Completed);
}

#[test]
fn an_irreversible_step_waits_for_its_confirmation() {
    let (mut draft, resources) = openai();
    draft.custom_domain.subdomain = "contoso-openai-new".into();
    let mut resources = resources;
    resources[1]["properties"]["customSubDomainName"] = Value::Null;
    draft.current_state = None;
    let mut arm = MemoryArm::new(resources.clone());
    arm.confirm = false;
    let (mut executor, outcome) = apply(&draft, &mut arm);
    assert!(matches!(outcome, Outcome::Cancelled { .. }), "{outcome:?}");
    assert_eq!(arm.confirmations.len(), 1);
    assert!(
        arm.confirmations[0].contains("IRREVERSIBLE"),
        "{:?}",
        arm.confirmations
    );
    assert!(
        arm.writes().is_empty(),
        "declined: nothing written {:?}",
        arm.writes()
    );
    arm.confirm = true;
    executor.resume(plan_of(&draft));
    assert_eq!(run(&mut executor, TOKEN, &mut arm), Outcome::Completed);
    assert!(arm.writes().iter().any(|w| w.starts_with("PATCH")));
    // Already set: no confirmation is asked, nothing irreversible happens.
    let confirmations = arm.confirmations.len();
    apply(&draft, &mut arm);
    assert_eq!(arm.confirmations.len(), confirmations);
}

/// A configuration (from a link, say) that deletes a private endpoint in another subscription:
/// the DELETE waits for the person's confirmation, which names it; declined, nothing is deleted.
#[test]
fn a_deletion_beyond_the_target_waits_for_its_confirmation() {
    let draft = crate::beyond_target::removal_in_another_subscription();
    let plan = plan_of(&draft);
    let target = plan.target().resource_id();
    let endpoint = draft.private_endpoints.removals[0].endpoint_id.clone();
    let mut arm = MemoryArm::new(vec![
        json!({ "id": target, "properties": { "publicNetworkAccess": "Disabled" } }),
        json!({ "id": endpoint, "properties": {} }),
    ]);
    arm.confirm = false;
    let (mut executor, outcome) = apply(&draft, &mut arm);
    assert!(matches!(outcome, Outcome::Cancelled { .. }), "{outcome:?}");
    assert_eq!(arm.confirmations.len(), 1, "{:?}", arm.confirmations);
    let asked = &arm.confirmations[0];
    assert!(
        asked.contains(&format!(
            "- deletes {endpoint} (DELETE; another subscription)"
        )) && asked.contains(&format!("the target resource is {target}"))
            && asked.contains("a link, a file or another tab"),
        "{asked}"
    );
    assert!(
        !arm.sent.iter().any(|r| r.method == "DELETE"),
        "declined: nothing deleted {:?}",
        arm.writes()
    );
    assert!(arm.resources.contains_key(&endpoint.to_ascii_lowercase()));
    // The target's own write before it (public access back on) was not asked about.
    assert_eq!(
        arm.writes()
            .iter()
            .filter(|w| w.starts_with("PATCH") && w.contains("contoso-speech"))
            .count(),
        1,
        "{:?}",
        arm.writes()
    );
    // Resumed and confirmed this time: the endpoint is deleted.
    arm.confirm = true;
    executor.resume(plan_of(&draft));
    assert_eq!(run(&mut executor, TOKEN, &mut arm), Outcome::Completed);
    assert_eq!(arm.confirmations.len(), 2);
    assert!(!arm.resources.contains_key(&endpoint.to_ascii_lowercase()));
}

/// Writes beyond the target (subnets) ask once per step; the target's own writes and a second
/// run that changes nothing ask nothing.
#[test]
fn writes_beyond_the_target_ask_once_per_step_and_only_when_sent() {
    let (mut draft, resources) = openai();
    draft.custom_domain.enabled = false;
    let mut arm = MemoryArm::new(resources);
    let plan = plan_of(&draft);
    let (executor, outcome) = apply(&draft, &mut arm);
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
    let subnet_steps: Vec<&str> = plan
        .steps
        .iter()
        .zip(&executor.steps)
        .filter(|(s, run)| {
            matches!(
                s.action,
                ai_network_wizard::core::plan::Action::EnableServiceEndpoint { .. }
            ) && run.status == StepStatus::Done
        })
        .map(|(s, _)| s.title.as_str())
        .collect();
    assert!(
        !subnet_steps.is_empty(),
        "a subnet gets its service endpoint"
    );
    for title in &subnet_steps {
        assert_eq!(
            arm.confirmations
                .iter()
                .filter(|c| c.starts_with(&format!("{title}: CONFIRM")))
                .count(),
            1,
            "{title}: {:?}",
            arm.confirmations
        );
    }
    assert!(
        !arm.confirmations.iter().any(|c| c.contains("allow rules")),
        "the target's own writes ask nothing: {:?}",
        arm.confirmations
    );
    // Except the one after which clients are refused.
    assert_eq!(
        arm.confirmations
            .iter()
            .filter(|c| c.starts_with("Set the default action to Deny: CUTS CLIENTS OFF"))
            .count(),
        1,
        "{:?}",
        arm.confirmations
    );
    let asked = arm.confirmations.len();
    apply(&draft, &mut arm);
    assert_eq!(
        arm.confirmations.len(),
        asked,
        "nothing is sent again, nothing asked"
    );
}

#[test]
fn a_taken_subdomain_stops_before_anything_irreversible() {
    let (mut draft, mut resources) = openai();
    draft.custom_domain.subdomain = "someone-elses".into();
    draft.current_state = None;
    resources[1]["properties"]["customSubDomainName"] = Value::Null;
    let mut arm = MemoryArm::new(resources);
    arm.taken.push("someone-elses".into());
    let (executor, outcome) = apply(&draft, &mut arm);
    let Outcome::Failed { step } = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(failure_of(&executor, step).code, "SubdomainNotAvailable");
    assert!(arm.writes().is_empty());
}

#[test]
fn a_new_account_and_its_group_are_created_only_after_their_reads_say_404() {
    let draft = fixture("translator-create-no-custom-domain");
    let plan = plan_of(&draft);
    let mut arm = MemoryArm::new(Vec::new());
    let (executor, outcome) = apply(&draft, &mut arm);
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
    let account = &arm.resources[&plan.target().resource_id().to_ascii_lowercase()];
    assert!(
        account.get("tags").is_none(),
        "the guard line is deleted, nothing else: {account}"
    );
    let (second, _) = apply(&draft, &mut arm);
    assert!(
        matches!(second.steps[1].status, StepStatus::Skipped(_)),
        "{:?}",
        second.steps[1]
    );
}

#[test]
fn the_preview_says_what_each_step_changes_and_what_is_already_so() {
    let (draft, resources) = openai_without_snapshot();
    let loaded = |arm: &MemoryArm| {
        let mut executor = Executor::new(plan_of(&draft), ENDPOINT);
        for resource in arm.resources.values() {
            executor.remember_read(resource["id"].as_str().unwrap(), Some(resource.clone()));
        }
        executor.preview()
    };
    let mut arm = MemoryArm::new(resources);
    let before = loaded(&arm);
    let rules = before
        .iter()
        .find(|p| p.title.starts_with("Add the allow rules"))
        .unwrap();
    assert!(!rules.satisfied);
    assert!(
        rules
            .changes
            .iter()
            .any(|l| l
                .starts_with("properties.networkAcls.ipRules: now [{\"value\":\"192.0.2.10\"}")),
        "{:?}",
        rules.changes
    );
    assert!(before[0].check_only && !before[0].satisfied);
    // The writes shown before the run, bodies included, are exactly those the run sends.
    let rules_at = before.iter().position(|p| std::ptr::eq(p, rules)).unwrap();
    assert!(
        rules.requests.len() == 1
            && rules.requests[0].starts_with("PATCH ")
            && rules.requests[0].contains("\"value\": \"192.0.2.10\""),
        "{:?}",
        rules.requests
    );
    let (run, _) = apply(&draft, &mut arm);
    let sent: Vec<&str> = run.steps[rules_at]
        .sent
        .iter()
        .map(|s| s.request.as_str())
        .filter(|r| !r.starts_with("GET "))
        .collect();
    assert_eq!(rules.requests, sent);
    let after = loaded(&arm);
    for step in after.iter().filter(|p| !p.check_only) {
        assert!(step.satisfied, "{step:?}");
    }
}

#[test]
fn the_policy_allows_the_clouds_and_one_checked_custom_endpoint() {
    use ai_network_wizard::arm_client::endpoint::{content_security_policy, parse_custom_endpoint};
    let policy = content_security_policy(None);
    assert_eq!(policy, "connect-src 'self' https://management.azure.com https://management.usgovcloudapi.net https://management.chinacloudapi.cn; object-src 'none'; base-uri 'self'; form-action 'none'");
    let custom = content_security_policy(Some("http://127.0.0.1:4567/ns/"));
    assert!(custom.starts_with("connect-src 'self' https://management.azure.com https://management.usgovcloudapi.net https://management.chinacloudapi.cn http://127.0.0.1:4567;"), "{custom}");
    assert_eq!(
        parse_custom_endpoint(" https://localhost:8443/ "),
        Ok("https://localhost:8443".into())
    );
    for refused in [
        "https://management.local.azurestack.external",
        "https://management.azure.com.evil.example",
        "management.azure.com",
        "http://example.com",
        "https://a.example; script-src *",
        "https://a.example/x y",
        "https://a.example/'x'",
        "ftp://127.0.0.1",
    ] {
        assert!(parse_custom_endpoint(refused).is_err(), "{refused}");
        assert_eq!(
            content_security_policy(Some(refused)),
            policy,
            "{refused} never reaches the policy"
        );
    }
}

// ---- the live subdomain check (apply page, custom-domain step) ----

mod subdomain_check {
    use ai_network_wizard::arm_client::availability::{
        availability_request, read_availability, Availability,
    };
    use ai_network_wizard::arm_client::HttpResponse;
    use ai_network_wizard::core::current_state::CurrentStateDraft;
    use ai_network_wizard::core::draft::Draft;
    use ai_network_wizard::core::generate::generate;
    use ai_network_wizard::core::resource_kinds::ResourceType;
    use serde_json::{json, Value};

    use crate::support::valid_draft;

    fn answer(status: u16, body: Value) -> HttpResponse {
        HttpResponse {
            status,
            headers: Vec::new(),
            body: body.to_string(),
        }
    }

    #[test]
    fn it_sends_the_plans_own_request_and_nothing_for_an_incomplete_form() {
        let mut draft = valid_draft();
        draft.custom_domain.subdomain = "Contoso-Speech".into();
        let request = availability_request(&draft).expect("a complete name and subscription");
        let plan = generate(&draft).plan.expect("valid");
        let planned: Vec<_> = plan
            .steps
            .iter()
            .flat_map(|s| plan.requests(s))
            .filter(|r| r.path.ends_with("/checkDomainAvailability"))
            .collect();
        assert_eq!(
            planned,
            vec![request.clone()],
            "one source with the REST tab"
        );
        assert_eq!(
            request.body,
            Some(
                json!({ "subdomainName": "contoso-speech", "type": "Microsoft.CognitiveServices/accounts", "kind": "SpeechServices" })
            )
        );

        let unchanged = valid_draft();
        for (what, edit) in [
            (
                "a name with a space",
                (|d| d.custom_domain.subdomain = "contoso speech".into()) as fn(&mut Draft),
            ),
            ("no subscription", |d| d.target.subscription_id.clear()),
            ("a half-typed subscription", |d| {
                d.target.subscription_id = "6f1c2a8e-4b7d".into()
            }),
            ("the step left out", |d| d.custom_domain.enabled = false),
            ("a hub", |d| d.target.resource_type = ResourceType::MlHub),
        ] {
            let mut draft = unchanged.clone();
            edit(&mut draft);
            assert_eq!(availability_request(&draft), None, "{what}");
        }
    }

    #[test]
    fn its_answer_reads_free_taken_ours_or_unknown() {
        let mut draft = valid_draft();
        draft.custom_domain.subdomain = "contoso-speech".into();
        let free = read_availability(
            &draft,
            &answer(
                200,
                json!({ "isSubdomainAvailable": true, "subdomainName": "contoso-speech" }),
            ),
        );
        assert_eq!(free.id(), "free");
        assert!(
            free.message()
                .contains("\u{201c}contoso-speech\u{201d} is available"),
            "{free:?}"
        );

        let taken_answer = answer(
            200,
            json!({ "isSubdomainAvailable": false, "reason": "Sub domain name 'contoso-speech' is not valid or already in use." }),
        );
        let taken = read_availability(&draft, &taken_answer);
        assert_eq!(taken.id(), "taken");
        assert!(
            taken
                .message()
                .contains("is taken: choose another name. Sub domain name"),
            "{taken:?}"
        );

        // Loaded from Azure: the account already carries the name Azure calls taken.
        draft.current_state = Some(CurrentStateDraft {
            account: Some(json!({ "properties": { "customSubDomainName": "Contoso-Speech" } })),
            ..CurrentStateDraft::default()
        });
        let ours = read_availability(&draft, &taken_answer);
        assert!(matches!(ours, Availability::Ours(_)), "{ours:?}");
        assert!(
            ours.message().contains("this account's subdomain already"),
            "{ours:?}"
        );

        let refused = read_availability(
            &draft,
            &answer(
                401,
                json!({ "error": { "code": "ExpiredAuthenticationToken", "message": "The token expired." } }),
            ),
        );
        assert_eq!(refused.id(), "unknown");
        assert!(refused.message().starts_with("Could not check: ExpiredAuthenticationToken: The token expired. The token was refused"), "{refused:?}");
        let garbled = read_availability(&draft, &answer(200, json!({ "other": 1 })));
        assert_eq!(garbled.id(), "unknown");
    }
}

#[test]
fn load_reads_everything_the_plan_touches_once() {
    let draft = fixture("speech-byos-custom-domain-network-rules-private-endpoint");
    let plan = generate(&draft).plan.expect("valid");
    let reads = Executor::new(plan, ENDPOINT).reads();
    assert!(reads.iter().all(|r| r.method == "GET" && r.body.is_none()));
    let paths: Vec<String> = reads.iter().map(|r| r.path.to_ascii_lowercase()).collect();
    let mut unique = paths.clone();
    unique.dedup();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), paths.len(), "each read once: {paths:#?}");
    for touched in [
        "/providers/microsoft.cognitiveservices/accounts/contoso-speech-isolated",
        "/virtualnetworks/vnet-apps/subnets/snet-speech",
        "/providers/microsoft.network/privateendpoints/pe-contoso-speech-isolated-account",
        "/privatednszonegroups/default",
        "/privatednszones/privatelink.cognitiveservices.azure.com",
        "/virtualnetworklinks/link-vnet-apps",
        "/providers/microsoft.storage/storageaccounts/contosospeechdata",
        "/providers/microsoft.authorization/roleassignments/",
    ] {
        assert!(
            paths.iter().any(|p| p.contains(touched)),
            "{touched} is read: {paths:#?}"
        );
    }
}

/// Resume finds a step by what it acts on: in every fixture's plan, no two steps share it, and
/// a change that a fix makes (another subdomain, another region) keeps it.
#[test]
fn every_step_has_its_own_identity_and_a_fix_keeps_it() {
    use ai_network_wizard::arm_client::step_identity;
    for (name, draft) in crate::support::fixtures() {
        let Some(plan) = generate(&draft).plan else {
            continue;
        };
        let mut seen = std::collections::BTreeSet::new();
        for step in &plan.steps {
            assert!(
                seen.insert(step_identity(step)),
                "{name}: two steps are {}",
                step_identity(step)
            );
        }
    }
    let draft = fixture("speech-byos-custom-domain-network-rules-private-endpoint");
    let mut fixed = draft.clone();
    fixed.custom_domain.subdomain = "contoso-other".into();
    fixed.private_endpoints.endpoints[0].location = "eastus".into();
    let (before, after) = (plan_of(&draft), plan_of(&fixed));
    let ids = |plan: &Plan| plan.steps.iter().map(step_identity).collect::<Vec<_>>();
    assert_eq!(ids(&before), ids(&after));
    assert_ne!(before.steps, after.steps, "the fix changed the steps");
}

// ---- Closing public access waits for what makes the endpoints carry traffic ----

/// An existing account with its custom subdomain and the endpoints' virtual networks.
fn closing_world(draft: &Draft) -> Vec<Value> {
    let config = plan_of(draft).config;
    let mut resources = vec![json!({
        "id": config.target.resource_id(),
        "location": config.target.region,
        "kind": draft.target.kind,
        "properties": { "customSubDomainName": draft.custom_domain.subdomain, "provisioningState": "Succeeded" }
    })];
    // The owner's list of connections, which a manual endpoint's step reads.
    resources.push(json!({
        "id": format!("{}/privateEndpointConnections", config.target.resource_id()),
        "value": []
    }));
    for e in &config.private_endpoints.unwrap().endpoints {
        resources.push(json!({ "id": e.subnet.vnet_id(), "location": e.location }));
    }
    resources
}

fn public_access(arm: &MemoryArm, draft: &Draft) -> Value {
    let id = plan_of(draft)
        .config
        .target
        .resource_id()
        .to_ascii_lowercase();
    arm.resources[&id]["properties"]["publicNetworkAccess"].clone()
}

#[test]
fn the_runner_stops_before_closing_while_a_manual_connection_is_pending_and_closes_once_approved() {
    let draft = fixture("openai-manual-approval-close-public-access");
    let mut arm = MemoryArm::new(closing_world(&draft));
    let (mut executor, outcome) = apply(&draft, &mut arm);
    let Outcome::Failed { step } = outcome else {
        panic!("{outcome:?}");
    };
    let failure = failure_of(&executor, step);
    assert_eq!(
        executor.steps[step].title, "Set public network access to Disabled",
        "{failure:?}"
    );
    assert_eq!(failure.code, "PrivateEndpointNotApproved");
    assert!(
        failure
            .message
            .contains("pe-contoso-openai-account (Pending)"),
        "{}",
        failure.message
    );
    assert!(
        failure.advice.contains("approves the connection first"),
        "{}",
        failure.advice
    );
    assert!(public_access(&arm, &draft).is_null(), "nothing closed");
    assert!(
        !arm.writes().iter().any(|w| w.starts_with("PATCH")),
        "{:?}",
        arm.writes()
    );

    // The owner approves; Resume reads the connection again and closes.
    let endpoint = arm
        .resources
        .keys()
        .find(|k| k.ends_with("/privateendpoints/pe-contoso-openai-account"))
        .unwrap()
        .clone();
    arm.resources.get_mut(&endpoint).unwrap()["properties"]
        ["manualPrivateLinkServiceConnections"][0]["properties"]
        ["privateLinkServiceConnectionState"]["status"] = json!("Approved");
    executor.resume(plan_of(&draft));
    assert_eq!(run(&mut executor, TOKEN, &mut arm), Outcome::Completed);
    assert_eq!(public_access(&arm, &draft), "Disabled");
}

#[test]
fn with_own_dns_servers_the_runner_closes_only_after_an_explicit_confirmation() {
    let draft = fixture("openai-own-dns-close-public-access");
    let mut arm = MemoryArm::new(closing_world(&draft));
    // The endpoint's subnet lies in another resource group, which is confirmed on its own;
    // only the close is declined here.
    arm.confirm = false;
    arm.confirm_only = Some("Set public network access to Disabled");
    let (mut executor, outcome) = apply(&draft, &mut arm);
    let Outcome::Cancelled { step } = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(
        executor.steps[step].title,
        "Set public network access to Disabled"
    );
    let closes: Vec<&String> = arm
        .confirmations
        .iter()
        .filter(|c| c.starts_with("Set public network access"))
        .collect();
    assert_eq!(closes.len(), 1, "{:?}", arm.confirmations);
    let asked = closes[0];
    assert!(
        asked.contains("this page cannot query them")
            && asked.contains("nslookup contoso-openai.cognitiveservices.azure.com, nslookup contoso-openai.openai.azure.com each answer a private address")
            && asked.contains("Otherwise cancel: public access stays open"),
        "{asked}"
    );
    assert!(
        public_access(&arm, &draft).is_null(),
        "declined: nothing closed"
    );

    arm.confirm = true;
    executor.resume(plan_of(&draft));
    assert_eq!(run(&mut executor, TOKEN, &mut arm), Outcome::Completed);
    let closes_asked = |arm: &MemoryArm| {
        arm.confirmations
            .iter()
            .filter(|c| c.starts_with("Set public network access"))
            .count()
    };
    assert_eq!(closes_asked(&arm), 2, "Resume asks again");
    assert_eq!(public_access(&arm, &draft), "Disabled");

    // Closed already: nothing to confirm.
    apply(&draft, &mut arm);
    assert_eq!(closes_asked(&arm), 2);
}

/// A read outside a run (Load, Compare) that Resource Manager refuses says to try again, never
/// to Resume (there is nothing to resume); the same refusal in a run still says Resume.
#[test]
fn a_refused_read_outside_a_run_says_to_try_again_not_to_resume() {
    use ai_network_wizard::arm_client::policy::{failure, read_failure};
    use ai_network_wizard::arm_client::HttpResponse;
    use ai_network_wizard::core::cloud::Cloud;
    for status in [400, 401, 403, 404, 409, 412, 429, 500, 503] {
        let response = HttpResponse {
            status,
            headers: Vec::new(),
            body: r#"{"error":{"code":"Refused","message":"no"}}"#.into(),
        };
        let in_run = failure(&response, "/subscriptions/x", Cloud::AzureCloud);
        let read = read_failure(&response, "/subscriptions/x", Cloud::AzureCloud);
        assert!(!read.advice.contains("Resume"), "{status}: {}", read.advice);
        assert_eq!(read.code, in_run.code);
        if (401..=412).contains(&status) {
            assert!(
                in_run.advice.contains("Resume"),
                "{status}: {}",
                in_run.advice
            );
            assert!(
                read.advice.contains("try again"),
                "{status}: {}",
                read.advice
            );
        }
    }
}

/// The write after which clients are refused (default action Deny) waits for a confirmation
/// that says so; declined, the account still allows every network (the rules before it were
/// added), and Resume after a yes denies.
#[test]
fn the_write_that_cuts_clients_off_waits_for_its_confirmation() {
    let (draft, resources) = openai();
    let account = resources[1]["id"].as_str().unwrap().to_ascii_lowercase();
    let default_action = |arm: &MemoryArm| {
        arm.resources
            .iter()
            .find(|(id, _)| id.to_ascii_lowercase() == account)
            .map(|(_, v)| v["properties"]["networkAcls"]["defaultAction"].clone())
    };
    let mut arm = MemoryArm::new(resources);
    assert_eq!(default_action(&arm), Some(json!("Allow")));
    arm.confirm = false;
    arm.confirm_only = Some("CUTS CLIENTS OFF");
    let (mut executor, outcome) = apply(&draft, &mut arm);
    assert!(
        matches!(outcome, Outcome::Cancelled { .. }),
        "{outcome:?} {:?}",
        arm.confirmations
    );
    let asked: Vec<_> = arm
        .confirmations
        .iter()
        .filter(|c| c.contains("CUTS CLIENTS OFF"))
        .collect();
    assert_eq!(asked.len(), 1, "{:?}", arm.confirmations);
    assert!(asked[0].contains("only the allowed addresses, subnets and private endpoints"));
    assert_eq!(
        default_action(&arm),
        Some(json!("Allow")),
        "declined: not denied"
    );
    arm.confirm = true;
    executor.resume(plan_of(&draft));
    assert_eq!(run(&mut executor, TOKEN, &mut arm), Outcome::Completed);
    assert_eq!(default_action(&arm), Some(json!("Deny")));
}
