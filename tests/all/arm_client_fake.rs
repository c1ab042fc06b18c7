//! The executor against the local ARM fake over HTTP, the way the page runs it: a transport
//! that behaves like a browser (it sends an Origin and reads only the response headers CORS
//! exposes), JWT bearer tokens checked for audience and expiry, long-running operations in
//! both styles, and the faults the fake injects per scenario. Every fixture is applied, then
//! applied again: the second run must change nothing.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ai_network_wizard::arm_client::{
    run, Executor, HttpRequest, HttpResponse, Next, Outcome, StepRun, StepStatus, Transport,
    TransportError, TOKEN_FOR_ANOTHER_TENANT,
};
use ai_network_wizard::core::config::ConnectionChange;
use ai_network_wizard::core::config_file::from_config_json;
use ai_network_wizard::core::current_state::keep_reads;
use ai_network_wizard::core::draft::{ConnectionDecision, Draft};
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::plan::{default_action_name, Action, EndpointAction, Plan};
use ai_network_wizard::core::render::{render, OutputTarget, RenderContext};
use ai_network_wizard::core::share_link::base64url::encode as b64;
use serde_json::{json, Value};

use crate::arm_fake::ArmFake;
use crate::runner_matches_rest::{run_watched, Watch};
use crate::support::{fixture, fixtures};

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The fake's tenant of the subscriptions it holds (unless a seed names another).
const ACCOUNT_TENANT: &str = "72f988bf-0000-4000-8000-000000000001";

fn jwt(audience: &str, expires_at: u64) -> String {
    jwt_of(audience, expires_at, ACCOUNT_TENANT)
}

fn jwt_of(audience: &str, expires_at: u64, tenant: &str) -> String {
    let claims =
        json!({ "aud": audience, "exp": expires_at, "tid": tenant, "upn": "ops@contoso.example" });
    format!(
        "{}.{}.c2ln",
        b64(br#"{"alg":"RS256"}"#),
        b64(claims.to_string().as_bytes())
    )
}

/// A token minted for the fake, as the page accepts for a test endpoint.
fn good_token(fake: &ArmFake) -> String {
    jwt(&fake.audience(), now() + 3600)
}

/// A good token of another Entra tenant.
fn token_of(fake: &ArmFake, tenant: &str) -> String {
    jwt_of(&fake.audience(), now() + 3600, tenant)
}

/// The tenant whose token the stopped step asks for, when it stopped for that.
fn tenant_asked(executor: &Executor, step: usize) -> Option<String> {
    match &executor.steps[step].status {
        StepStatus::Failed(f) if f.code == TOKEN_FOR_ANOTHER_TENANT => {
            let (_, rest) = f.advice.split_once("Get a token of tenant ")?;
            Some(rest.split_once(':')?.0.to_owned())
        }
        _ => None,
    }
}

/// Reads what a page could read: CORS-safelisted headers and the exposed ones.
struct Browser {
    port: u16,
    timeout: Duration,
    waits: Vec<u32>,
}

impl Browser {
    fn new(fake: &ArmFake) -> Browser {
        Browser {
            port: fake.port,
            timeout: Duration::from_secs(10),
            waits: Vec::new(),
        }
    }
}

impl Transport for Browser {
    fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let origin = format!("http://127.0.0.1:{}", self.port);
        let target = request.url.strip_prefix(&origin).expect("the fake's URL");
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))
            .map_err(|e| TransportError::Dropped(e.to_string()))?;
        stream.set_read_timeout(Some(self.timeout)).unwrap();
        let body = request.body.clone().unwrap_or_default();
        let mut head = format!("{} {target} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nOrigin: http://127.0.0.1:1\r\nConnection: close\r\n", request.method, self.port);
        for (name, value) in &request.headers {
            head += &format!("{name}: {value}\r\n");
        }
        head += &format!("Content-Length: {}\r\n\r\n", body.len());
        stream
            .write_all(head.as_bytes())
            .and_then(|_| stream.write_all(body.as_bytes()))
            .map_err(|e| TransportError::Dropped(e.to_string()))?;
        let mut answer = String::new();
        match stream.read_to_string(&mut answer) {
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return Err(TransportError::TimedOut)
            }
            Err(e) => return Err(TransportError::Dropped(e.to_string())),
            Ok(0) => return Err(TransportError::Dropped("closed without an answer".into())),
            Ok(_) => {}
        }
        let Some((head, body)) = answer.split_once("\r\n\r\n") else {
            return Err(TransportError::Dropped(
                "closed in the middle of the answer".into(),
            ));
        };
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status");
        let all: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let exposed: Vec<String> = all
            .iter()
            .find(|(n, _)| n == "access-control-expose-headers")
            .map(|(_, v)| {
                v.split(',')
                    .map(|h| h.trim().to_ascii_lowercase())
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            all.iter().any(|(n, _)| n == "access-control-allow-origin"),
            "no CORS answer to {} {target}",
            request.method
        );
        let length = all
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse::<usize>().ok());
        if length.is_some_and(|l| l != body.len()) {
            return Err(TransportError::Dropped(
                "closed in the middle of the answer".into(),
            ));
        }
        let readable = all
            .into_iter()
            .filter(|(n, _)| n == "content-type" || exposed.contains(n))
            .collect();
        Ok(HttpResponse {
            status,
            headers: readable,
            body: body.to_owned(),
        })
    }

    fn wait(&mut self, seconds: u32) {
        // The fake settles by polls, not by time: no need to sleep.
        self.waits.push(seconds);
    }

    fn confirm(&mut self, _step: &StepRun, _warning: &str) -> bool {
        true
    }
}

fn plan_of(draft: &Draft) -> Plan {
    generate(draft).plan.expect("a valid draft")
}

/// Applies the draft with `token`. A plan with a subnet in another tenant stops at that
/// subnet's step for that tenant's token, and after it for the account's again: each time the
/// token it asks for is pasted and the run resumed, as a person does.
/// Every write is the REST tab's for the state the run read, and the default action stays as
/// it was until its own step (tests/all/runner_matches_rest.rs).
fn apply(fake: &ArmFake, namespace: &str, draft: &Draft, token: &str) -> (Executor, Outcome) {
    let (executor, outcome, _) = apply_counted(fake, namespace, draft, token);
    (executor, outcome)
}

/// [`apply`], with how many writes were compared with the REST tab.
fn apply_counted(
    fake: &ArmFake,
    namespace: &str,
    draft: &Draft,
    token: &str,
) -> (Executor, Outcome, usize) {
    let plan = plan_of(draft);
    let mut watch = Watch::new(fake, namespace, draft);
    let mut executor = Executor::new(plan.clone(), &fake.endpoint(namespace));
    let mut outcome = run_watched(&mut executor, token, &mut Browser::new(fake), &mut watch);
    for _ in 0..8 {
        let Outcome::Failed { step } = outcome else {
            break;
        };
        let Some(tenant) = tenant_asked(&executor, step) else {
            break;
        };
        executor.resume(plan.clone());
        outcome = run_watched(
            &mut executor,
            &token_of(fake, &tenant),
            &mut Browser::new(fake),
            &mut watch,
        );
    }
    watch.assert_clean();
    (executor, outcome, watch.compared)
}

/// Applied with a good token: every step must finish.
fn applied(fake: &ArmFake, namespace: &str, draft: &Draft) -> Executor {
    let (executor, outcome) = apply(fake, namespace, draft, &good_token(fake));
    assert_eq!(
        outcome,
        Outcome::Completed,
        "{namespace}: {:#?}",
        executor.steps
    );
    executor
}

/// Applied again: it completes, writes nothing and leaves the state as it was; every step is
/// done (checks) or skipped.
fn applied_again_changes_nothing(fake: &ArmFake, namespace: &str, draft: &Draft) -> Executor {
    let before = fake.state(namespace);
    let writes = writes_that_changed(fake, namespace).len();
    let second = applied(fake, namespace, draft);
    assert_eq!(
        fake.state(namespace),
        before,
        "{namespace}: the second run changed the state"
    );
    assert_eq!(
        writes_that_changed(fake, namespace).len(),
        writes,
        "{namespace}: the second run wrote"
    );
    for step in &second.steps {
        let wrote = step
            .sent
            .iter()
            .any(|s| ["PUT ", "PATCH "].iter().any(|m| s.request.starts_with(m)));
        assert!(!wrote, "{namespace}: {} wrote again", step.title);
        assert!(finished(step), "{namespace}: {step:?}");
    }
    second
}

/// A fixture as a person would start from (no current settings in the form), with what it
/// touches seeded in the fake's namespace.
fn seeded(fake: &ArmFake, namespace: &str, fixture_name: &str) -> Draft {
    let mut draft = fixture(fixture_name);
    draft.current_state = None;
    load(fake, namespace, &draft);
    draft
}

/// What the REST test seeds (a subnet whose policies the plan switches off has them on, and
/// settings of its own), plus the other subnets the endpoints go in (policies already off, as
/// new subnets have them).
fn load(fake: &ArmFake, namespace: &str, draft: &Draft) {
    fake.load(namespace, &seed_of(draft));
}

fn seed_of(draft: &Draft) -> Value {
    let config = generate(draft).plan.expect("a valid draft").config;
    let mut seed = crate::rest_sent::seed(&config);
    // A subnet in another tenant: its subscription belongs to that tenant.
    let rules = config.network.iter().flat_map(|n| &n.vnet_rules);
    let endpoints = config.private_endpoints.iter().flat_map(|pe| &pe.endpoints);
    let subnets = rules
        .map(|r| (&r.subnet, &r.tenant_id))
        .chain(endpoints.map(|e| (&e.subnet, &e.tenant_id)));
    for (subnet, tenant) in subnets {
        if let Some(tenant) = tenant {
            seed["tenants"][&subnet.subscription_id] = json!(tenant);
        }
    }
    for endpoint in config.private_endpoints.iter().flat_map(|pe| &pe.endpoints) {
        let id = endpoint.subnet.to_string();
        if seed["resources"].get(&id).is_some() {
            continue;
        }
        seed["resources"][&id] = json!({
            "id": id,
            "name": endpoint.subnet.subnet,
            "type": "Microsoft.Network/virtualNetworks/subnets",
            "properties": { "addressPrefix": "10.9.0.0/24", "privateEndpointNetworkPolicies": "Disabled", "provisioningState": "Succeeded" },
        });
    }
    seed
}

fn failure(executor: &Executor, step: usize) -> (String, String, String) {
    match &executor.steps[step].status {
        StepStatus::Failed(f) => (f.code.clone(), f.message.clone(), f.advice.clone()),
        other => panic!("step {step}: {other:?}"),
    }
}

fn writes_that_changed(fake: &ArmFake, namespace: &str) -> Vec<String> {
    fake.log(namespace)
        .iter()
        .filter(|e| e["changed"] == true && e["method"] != "GET")
        .map(|e| format!("{} {}", e["method"], e["path"]))
        .collect()
}

/// What a plan may legitimately stop at: a body that needs settings the page could not read,
/// or closing public access while a manual connection still waits for its owner.
fn expected_stop(executor: &Executor, step: usize) -> bool {
    let (code, message, _) = failure(executor, step);
    code == "NeedsCurrentSettings"
        || (code == "PrivateEndpointNotApproved" && message.contains("(Pending)"))
}

#[test]
fn every_fixture_applies_and_a_second_run_changes_nothing() {
    let fake = ArmFake::start_checking_tokens();
    let token = good_token(&fake);
    let mut completed = 0;
    let mut compared = 0;
    for (name, draft) in fixtures() {
        if generate(&draft).plan.is_none() {
            continue;
        }
        let draft = seeded(&fake, &name, &name);
        fake.scenario(&name, &json!({ "requireJwt": true }));
        let (first, outcome, writes) = apply_counted(&fake, &name, &draft, &token);
        compared += writes;
        if let Outcome::Failed { step } = outcome {
            assert!(
                expected_stop(&first, step),
                "{name}: {:?}",
                first.steps[step]
            );
            continue;
        }
        assert_eq!(outcome, Outcome::Completed, "{name}");
        applied_again_changes_nothing(&fake, &name, &draft);
        completed += 1;
    }
    assert!(
        completed >= 20,
        "only {completed} fixtures applied completely"
    );
    eprintln!("{compared} writes compared with the REST tab");
    assert!(
        compared >= 250,
        "only {compared} writes compared with the REST tab"
    );
}

fn openai(fake: &ArmFake, namespace: &str, scenario: Value) -> Draft {
    let draft = seeded(fake, namespace, "openai-existing-current-state");
    fake.scenario(namespace, &scenario);
    draft
}

#[test]
fn long_running_operations_are_followed_with_and_without_readable_headers() {
    let fake = ArmFake::start_checking_tokens();
    let exposed = ["Azure-AsyncOperation", "Location", "Retry-After"];
    for (namespace, scenario) in [
        (
            "async-exposed",
            json!({ "lro": "async", "exposeHeaders": exposed, "lroPolls": 2 }),
        ),
        (
            "location-exposed",
            json!({ "lro": "location", "exposeHeaders": exposed, "lroPolls": 2 }),
        ),
        ("async-hidden", json!({ "lro": "async", "lroPolls": 2 })),
        (
            "location-hidden",
            json!({ "lro": "location", "lroPolls": 2 }),
        ),
    ] {
        let draft = openai(&fake, namespace, scenario);
        let (executor, outcome) = apply(&fake, namespace, &draft, &good_token(&fake));
        assert_eq!(
            outcome,
            Outcome::Completed,
            "{namespace}: {:#?}",
            executor.steps
        );
        let polled_operations = fake
            .log(namespace)
            .iter()
            .filter(|e| {
                e["path"]
                    .as_str()
                    .unwrap()
                    .contains("/providers/Microsoft.Fake/operations/")
            })
            .count();
        if namespace.ends_with("exposed") {
            assert!(
                polled_operations >= 2,
                "{namespace}: the operation URL was polled"
            );
        } else {
            assert_eq!(
                polled_operations, 0,
                "{namespace}: hidden headers, so the resource is read"
            );
        }
        let state = fake.state(namespace).to_string();
        assert!(
            !state.contains("\"Accepted\"") && !state.contains("\"Updating\""),
            "{namespace}: everything settled"
        );
    }
}

#[test]
fn injected_faults_end_in_the_right_state_and_resume_finishes() {
    let fake = ArmFake::start_checking_tokens();
    let token = good_token(&fake);
    let account = "/providers/Microsoft.CognitiveServices/accounts/contoso-openai";
    let cases = [
        (
            "throttled",
            json!({ "path": account, "method": "PATCH", "status": 429, "code": "TooManyRequests", "message": "Rate limit.", "retryAfter": 3 }),
            None,
        ),
        (
            "busy",
            json!({ "path": "snet-api", "method": "PUT", "status": 409, "code": "AnotherOperationInProgress", "message": "Another operation is in progress.", "retryAfter": 4 }),
            None,
        ),
        (
            "unauthorized",
            json!({ "path": account, "method": "PATCH", "status": 401, "code": "ExpiredAuthenticationToken", "message": "The access token expiry UTC time is earlier than current UTC time." }),
            Some("ExpiredAuthenticationToken"),
        ),
        (
            "forbidden",
            json!({ "path": account, "method": "PATCH", "status": 403, "code": "AuthorizationFailed", "message": "The client does not have authorization." }),
            Some("AuthorizationFailed"),
        ),
        (
            "lro-failed",
            json!({ "path": "snet-api", "method": "PUT", "kind": "lro-failed", "code": "InternalServerError", "message": "The subnet update failed." }),
            Some("InternalServerError"),
        ),
        (
            "dropped",
            json!({ "path": "snet-api", "method": "PUT", "kind": "drop" }),
            Some("ConnectionDropped"),
        ),
        (
            "dropped-after",
            json!({ "path": "snet-api", "method": "PUT", "kind": "drop-after" }),
            Some("ConnectionDropped"),
        ),
        (
            "slow",
            json!({ "path": account, "method": "PATCH", "kind": "slow", "seconds": 2 }),
            Some("TimedOut"),
        ),
    ];
    for (namespace, fault, stops_with) in cases {
        let draft = openai(
            &fake,
            namespace,
            // The operation's own error is only readable when its URL is.
            json!({ "requireJwt": true, "faults": [fault], "exposeHeaders": if namespace == "lro-failed" { vec!["Azure-AsyncOperation"] } else { vec![] } }),
        );
        let plan = generate(&draft).plan.unwrap();
        let mut executor = Executor::new(plan, &fake.endpoint(namespace));
        let mut browser = Browser::new(&fake);
        if namespace == "slow" {
            browser.timeout = Duration::from_millis(700);
        }
        let outcome = run(&mut executor, &token, &mut browser);
        match stops_with {
            None => {
                assert_eq!(
                    outcome,
                    Outcome::Completed,
                    "{namespace}: {:#?}",
                    executor.steps
                );
                assert!(
                    browser.waits.iter().any(|&w| w == 3 || w == 4) || browser.waits.contains(&10),
                    "{namespace}: {:?}",
                    browser.waits
                );
            }
            Some(code) => {
                let Outcome::Failed { step } = outcome else {
                    panic!("{namespace}: {outcome:?}")
                };
                let (found, message, advice) = failure(&executor, step);
                assert_eq!(
                    found, code,
                    "{namespace}: {message} {:#?}",
                    executor.steps[step].sent
                );
                assert!(!advice.is_empty());
                let (applied, not_applied) = executor.summary();
                assert!(
                    !applied.is_empty() && !not_applied.is_empty(),
                    "{namespace}"
                );
                browser.timeout = Duration::from_secs(10);
                executor.resume(generate(&draft).plan.unwrap());
                assert_eq!(
                    run(&mut executor, &token, &mut browser),
                    Outcome::Completed,
                    "{namespace}: resume {:#?}",
                    executor.steps
                );
            }
        }
        let (_, outcome) = apply(&fake, namespace, &draft, &token);
        assert_eq!(outcome, Outcome::Completed);
        let state = fake.state(namespace);
        let acls = state["resources"]
            .as_object()
            .unwrap()
            .iter()
            .find(|(id, _)| id.ends_with("contoso-openai"))
            .unwrap()
            .1["properties"]["networkAcls"]
            .clone();
        assert_eq!(
            acls["defaultAction"], "Deny",
            "{namespace}: the plan finished"
        );
    }
}

#[test]
fn tokens_for_another_audience_or_expired_are_refused_like_arm() {
    let fake = ArmFake::start_checking_tokens();
    for (namespace, token, code) in [
        (
            "audience",
            jwt("https://graph.microsoft.com", now() + 3600),
            "InvalidAuthenticationTokenAudience",
        ),
        (
            "azure-audience",
            jwt("https://management.azure.com/", now() + 3600),
            "InvalidAuthenticationTokenAudience",
        ),
        (
            "expired",
            jwt(&fake.audience(), now() - 60),
            "ExpiredAuthenticationToken",
        ),
        (
            "not-a-jwt",
            "opaque".to_owned(),
            "InvalidAuthenticationToken",
        ),
    ] {
        let draft = openai(&fake, namespace, json!({ "requireJwt": true }));
        let (executor, outcome) = apply(&fake, namespace, &draft, &token);
        assert_eq!(outcome, Outcome::Failed { step: 0 }, "{namespace}");
        let (found, _, advice) = failure(&executor, 0);
        assert_eq!(found, code);
        assert!(
            advice.contains("az account get-access-token --resource https://management.azure.com/"),
            "{advice}"
        );
        assert!(writes_that_changed(&fake, namespace).is_empty());
    }
}

#[test]
fn the_fake_answers_a_preflight_like_arm_and_refuses_a_partial_network_acls() {
    let fake = ArmFake::start_checking_tokens();
    let draft = openai(&fake, "strict", json!({}));
    let mut stream = TcpStream::connect(("127.0.0.1", fake.port)).unwrap();
    write!(stream, "OPTIONS /strict/subscriptions/x HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1:8080\r\nAccess-Control-Request-Method: PATCH\r\nAccess-Control-Request-Headers: authorization, content-type\r\nConnection: close\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 204"), "{answer}");
    assert!(
        answer.contains("Access-Control-Allow-Origin: http://127.0.0.1:8080"),
        "{answer}"
    );
    assert!(
        answer.contains("Access-Control-Allow-Headers: authorization, content-type"),
        "{answer}"
    );
    assert!(answer.contains("PATCH"), "{answer}");

    let plan = generate(&draft).plan.unwrap();
    let account = plan.target().resource_id();
    let mut browser = Browser::new(&fake);
    let partial = HttpRequest {
        method: "PATCH",
        url: format!(
            "{}{account}?api-version=2024-10-01",
            fake.endpoint("strict")
        ),
        headers: vec![
            ("Authorization", format!("Bearer {}", good_token(&fake))),
            ("Content-Type", "application/json".into()),
        ],
        body: Some(
            json!({ "properties": { "networkAcls": { "defaultAction": "Deny" } } }).to_string(),
        ),
    };
    let answer = browser.send(&partial).unwrap();
    assert_eq!(answer.status, 400);
    assert!(
        answer.body.contains("partial networkAcls"),
        "{}",
        answer.body
    );
    let mut wrong_version = partial.clone();
    wrong_version.url = wrong_version.url.replace("2024-10-01", "2019-01-01");
    wrong_version.body =
        Some(json!({ "properties": { "publicNetworkAccess": "Disabled" } }).to_string());
    let answer = browser.send(&wrong_version).unwrap();
    assert_eq!(
        (answer.status, answer.arm_error().unwrap().0.as_str()),
        (400, "InvalidApiVersionParameter")
    );
    assert!(writes_that_changed(&fake, "strict").is_empty());
    let _: Value = fake.state("strict");
}

#[test]
fn the_storage_firewall_is_written_from_what_was_read_keeping_its_rules() {
    let fake = ArmFake::start_checking_tokens();
    let draft = seeded(&fake, "storage-acls", "speech-byos-hardened");
    applied(&fake, "storage-acls", &draft);
    let config = plan_of(&draft).config;
    let storage_id = config.storage.as_ref().expect("BYOS").account.to_string();
    let storage = resource_in(&fake.state("storage-acls"), &storage_id);
    let acls = &storage["properties"]["networkAcls"];
    assert_eq!(acls["defaultAction"], "Deny");
    assert_eq!(acls["bypass"], "AzureServices", "bypass kept");
    assert_eq!(
        acls["ipRules"],
        json!([{ "value": "192.0.2.99", "action": "Allow" }]),
        "its own rule kept"
    );
    let access = acls["resourceAccessRules"].as_array().unwrap();
    assert_eq!(access.len(), 1, "{access:?}");
    assert!(access[0]["resourceId"]
        .as_str()
        .unwrap()
        .eq_ignore_ascii_case(&config.target.resource_id()));
    assert_eq!(
        access[0]["tenantId"],
        "72f988bf-0000-4000-8000-000000000001"
    );

    applied_again_changes_nothing(&fake, "storage-acls", &draft);
}

fn resource_in(state: &Value, id: &str) -> Value {
    state["resources"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(id))
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| panic!("{id} is not in the fake"))
}

fn step_of(plan: &Plan, wanted: impl Fn(&Action) -> bool) -> usize {
    plan.steps
        .iter()
        .position(|s| wanted(&s.action))
        .expect("the plan has the step")
}

/// The plan's (first) step that creates a private endpoint.
fn create_endpoint_step(plan: &Plan) -> usize {
    step_of(plan, |a| {
        matches!(
            a,
            Action::PrivateEndpoint(EndpointAction::CreateEndpoint { .. })
        )
    })
}

/// Whether a step ended well: done, or already so.
fn finished(step: &StepRun) -> bool {
    matches!(step.status, StepStatus::Done | StepStatus::Skipped(_))
}

/// What "Load from Azure" / "Compare with Azure" read, answered by the fake.
fn read_what_the_plan_touches(
    fake: &ArmFake,
    namespace: &str,
    plan: &Plan,
    token: &str,
) -> Vec<(String, Option<Value>)> {
    let mut browser = Browser::new(fake);
    Executor::new(plan.clone(), "")
        .reads()
        .iter()
        .map(|read| {
            let request = HttpRequest::from_arm(read, &fake.endpoint(namespace), token);
            let answer = browser.send(&request).expect("an answer");
            (
                read.path.clone(),
                (answer.status == 200).then(|| answer.json()).flatten(),
            )
        })
        .collect()
}

/// The page's preview after "Compare with Azure": the plan with what it touches read.
fn compared(fake: &ArmFake, namespace: &str, plan: &Plan) -> Executor {
    let mut preview = Executor::new(plan.clone(), "");
    for (path, value) in read_what_the_plan_touches(fake, namespace, plan, &good_token(fake)) {
        preview.remember_read(&path, value);
    }
    preview
}

/// A subnet PUT replaces the subnet, so the page switches an endpoint subnet's policies off
/// with the whole subnet as read, which is the REST tab's own request once the read is kept
/// in the form; nothing else of the subnet is lost, the second run skips, and a partial body
/// is refused as ARM refuses it.
#[test]
fn endpoint_network_policies_are_switched_off_with_the_whole_subnet_the_rest_tab_shows() {
    let fake = ArmFake::start_checking_tokens();
    let token = good_token(&fake);
    let mut draft = fixture("ai-services-private-endpoint-three-zones");
    draft.current_state = None;
    let plan = generate(&draft).plan.unwrap();
    let subnet_id = plan.config.private_endpoints.as_ref().unwrap().endpoints[0]
        .subnet
        .to_string();
    let step = step_of(&plan, |a| {
        matches!(
            a,
            Action::PrivateEndpoint(EndpointAction::DisableNetworkPolicies { .. })
        )
    });
    let kept = [
        "addressPrefix",
        "networkSecurityGroup",
        "routeTable",
        "delegations",
        "serviceEndpoints",
        "privateLinkServiceNetworkPolicies",
        "defaultOutboundAccess",
        "ipConfigurations",
    ];

    for (namespace, keep_in_form) in [("policies-kept", true), ("policies-read-in-run", false)] {
        load(&fake, namespace, &draft);
        let before = resource_in(&fake.state(namespace), &subnet_id);
        assert_eq!(
            before["properties"]["privateEndpointNetworkPolicies"],
            "Enabled"
        );

        // The one property alone would drop every other setting: refused, nothing changes.
        let partial = HttpRequest {
            method: "PUT",
            url: format!(
                "{}{subnet_id}?api-version=2024-05-01",
                fake.endpoint(namespace)
            ),
            headers: vec![
                ("Authorization", format!("Bearer {token}")),
                ("Content-Type", "application/json".into()),
            ],
            body: Some(
                json!({ "properties": { "privateEndpointNetworkPolicies": "Disabled" } })
                    .to_string(),
            ),
        };
        let answer = Browser::new(&fake).send(&partial).unwrap();
        assert_eq!(answer.status, 400, "{}", answer.body);
        assert!(writes_that_changed(&fake, namespace).is_empty());

        let mut run_draft = draft.clone();
        if keep_in_form {
            let reads = read_what_the_plan_touches(&fake, namespace, &plan, &token);
            let (snapshot, problems) = keep_reads(
                None,
                &reads,
                &plan.target().resource_id(),
                "2026-11-30T12:00Z",
            );
            assert!(problems.is_empty(), "{problems:?}");
            let snapshot = snapshot.expect("the reads are kept");
            assert!(snapshot.account.is_some(), "the account is kept");
            assert!(
                snapshot
                    .subnets
                    .iter()
                    .any(|s| s["id"].as_str().unwrap().eq_ignore_ascii_case(&subnet_id)),
                "the subnet is kept in the form: {snapshot:?}"
            );
            run_draft.current_state = Some(snapshot);
        }
        let run_plan = generate(&run_draft).plan.unwrap();
        let put = &run_plan.requests(&run_plan.steps[step])[1];
        assert_eq!(put.method, "PUT");
        assert_eq!(put.refused_until_edited, !keep_in_form, "{put:?}");
        let (executor, outcome) = apply(&fake, namespace, &run_draft, &token);
        assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
        assert_eq!(executor.steps[step].status, StepStatus::Done);
        let sent: Vec<&str> = executor.steps[step]
            .sent
            .iter()
            .map(|s| s.request.as_str())
            .collect();
        assert!(sent.len() == 2 && sent[1].starts_with("PUT "), "{sent:#?}");
        if keep_in_form {
            // Byte for byte the REST tab's request, from the same snapshot.
            let rest = render(
                &run_plan,
                OutputTarget::Rest,
                &RenderContext::for_draft("2026-11-30", None, &run_draft),
            );
            for request in &sent {
                let text = request
                    .replace(&fake.endpoint(namespace), "{{armEndpoint}}")
                    .replace("Bearer <token>", "Bearer {{token}}");
                assert!(rest.contains(&text), "not in the REST tab:\n{text}");
            }
        }
        let after = resource_in(&fake.state(namespace), &subnet_id);
        assert_eq!(
            after["properties"]["privateEndpointNetworkPolicies"],
            "Disabled"
        );
        for key in kept {
            let (b, a) = (&before["properties"][key], &after["properties"][key]);
            let same = match key {
                "serviceEndpoints" | "delegations" => {
                    b.as_array().map(Vec::len) == a.as_array().map(Vec::len)
                        && b.to_string().contains("Microsoft.")
                        && a.to_string().contains(
                            b[0]["service"]
                                .as_str()
                                .or(b[0]["properties"]["serviceName"].as_str())
                                .unwrap(),
                        )
                }
                _ => a == b,
            };
            assert!(same, "{namespace}: {key} was {b}, is {a}");
        }

        let writes = writes_that_changed(&fake, namespace).len();
        let (second, outcome) = apply(&fake, namespace, &run_draft, &token);
        assert_eq!(outcome, Outcome::Completed);
        assert!(
            matches!(&second.steps[step].status, StepStatus::Skipped(why) if why.contains("already as wanted")),
            "{:?}",
            second.steps[step]
        );
        assert_eq!(writes_that_changed(&fake, namespace).len(), writes);
    }
}

/// A hub's default storage whose firewall lets neither trusted Azure services nor the workspace
/// through: the run stops before disabling its public access (the preview says so first) and
/// names the rule to add, as the scripts do; a resource-instance rule for the hub lets it close.
#[test]
fn closing_a_hub_storage_that_would_shut_the_hub_out_stops_before_the_patch() {
    let fake = ArmFake::start_checking_tokens();
    let token = good_token(&fake);
    let mut draft = fixture("ai-studio-hub-private-endpoints");
    draft.current_state = None;
    // The subnet's policies stay as they are (that step needs the subnet read into the form).
    for endpoint in &mut draft.private_endpoints.endpoints {
        endpoint.disable_network_policies = false;
    }
    let plan = plan_of(&draft);
    let hub = plan.target().resource_id();
    let storage_id = plan.config.private_endpoints.as_ref().unwrap().endpoints[1]
        .resource_id
        .clone();
    let step = step_of(&plan, |a| {
        matches!(
            a,
            Action::PrivateEndpoint(EndpointAction::CloseDependentPublicAccess { resource_id, .. })
                if *resource_id == storage_id
        )
    });
    let seeded = |acls: Value| {
        let mut seed = seed_of(&draft);
        seed["resources"][&storage_id]["properties"]["networkAcls"] = acls;
        seed
    };
    fake.load(
        "hub-storage",
        &seeded(json!({ "defaultAction": "Deny", "bypass": "None", "ipRules": [], "virtualNetworkRules": [] })),
    );

    let preview = compared(&fake, "hub-storage", &plan);
    let said = preview.preview()[step].changes.join("\n");
    assert!(said.contains("stops: HubStorageFirewall"), "{said}");

    let (executor, outcome) = apply(&fake, "hub-storage", &draft, &token);
    assert_eq!(outcome, Outcome::Failed { step }, "{:#?}", executor.steps);
    let (code, message, advice) = failure(&executor, step);
    assert_eq!(code, "HubStorageFirewall");
    assert!(
        message
            .starts_with("Storage account contosohubstorage lets neither trusted Azure services")
            && message.contains(&hub),
        "{message}"
    );
    assert!(
        advice.contains(&format!("az storage account network-rule add --resource-group 'rg-ai-hub' --account-name 'contosohubstorage' --resource-id '{hub}'"))
            && advice.contains("then Resume"),
        "{advice}"
    );
    let storage_writes: Vec<String> = writes_that_changed(&fake, "hub-storage")
        .into_iter()
        .filter(|w| w.to_ascii_lowercase().contains("/storageaccounts/"))
        .collect();
    assert!(storage_writes.is_empty(), "{storage_writes:?}");

    fake.load(
        "hub-storage-rule",
        &seeded(json!({ "defaultAction": "Deny", "bypass": "None", "ipRules": [], "virtualNetworkRules": [],
            "resourceAccessRules": [{ "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47", "resourceId": hub.to_ascii_lowercase() }] })),
    );
    let (executor, outcome) = apply(&fake, "hub-storage-rule", &draft, &token);
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
}

/// An endpoint goes in its virtual network's region: when the network is elsewhere, the run
/// stops in its resource-group check, which reads every endpoint's network before anything
/// changes (after the groups, so a missing group is named as such), with
/// the scripts' words (both regions) and what to change; the preview says so before the run;
/// with the region fixed in the form, Resume runs the fixed plan from there. A network in
/// another Entra tenant is read in its endpoint's step (with that tenant's token) and stops the
/// run there, before the endpoint is sent.
#[test]
fn a_virtual_network_in_another_region_stops_the_run_before_anything_changes() {
    let fake = ArmFake::start_checking_tokens();
    let token = good_token(&fake);
    let mut draft = fixture("ai-services-private-endpoint-three-zones");
    draft.current_state = None;
    let plan = plan_of(&draft);
    let endpoint = plan.config.private_endpoints.as_ref().unwrap().endpoints[0].clone();
    assert_eq!(endpoint.location, "westeurope");
    let mut seed = seed_of(&draft);
    seed["resources"][endpoint.subnet.vnet_id()]["location"] = json!("eastus");
    fake.load("region", &seed);
    let account_before = resource_in(&fake.state("region"), &plan.target().resource_id());

    let preview = compared(&fake, "region", &plan);
    let step = create_endpoint_step(&plan);
    let said = preview.preview()[step].changes.join("\n");
    assert!(
        said.contains("stops: ") && said.contains("eastus"),
        "the preview says it stops: {said}"
    );

    let check = step_of(&plan, |a| matches!(a, Action::CheckResourceGroups { .. }));
    assert!(check < step_of(&plan, |a| matches!(a, Action::SetCustomSubdomain { .. })));
    let (mut executor, outcome) = apply(&fake, "region", &draft, &token);
    assert_eq!(
        outcome,
        Outcome::Failed { step: check },
        "{:#?}",
        executor.steps
    );
    let (code, message, advice) = failure(&executor, check);
    assert_eq!(code, "VirtualNetworkRegionMismatch");
    assert!(
        message.contains(&format!(
            "the virtual network {} is in eastus, not in westeurope: a private endpoint must be in its virtual network's region",
            endpoint.subnet.vnet
        )) && message.contains(&endpoint.name),
        "the scripts' words: {message}"
    );
    assert!(
        advice.contains("eastus") && advice.contains("then Resume"),
        "{advice}"
    );
    assert!(
        writes_that_changed(&fake, "region").is_empty(),
        "nothing changed: {:?}",
        writes_that_changed(&fake, "region")
    );
    let account_after = resource_in(&fake.state("region"), &plan.target().resource_id());
    assert_eq!(account_after, account_before);

    let mut fixed = draft.clone();
    fixed.private_endpoints.endpoints[0].location = "eastus".into();
    executor.resume(plan_of(&fixed));
    let outcome = run(&mut executor, &token, &mut Browser::new(&fake));
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
    let resumed = executor.resumed().expect("resumed").clone();
    assert_eq!(
        resumed.at,
        Some(check),
        "from the step that stopped: {resumed:?}"
    );
    let endpoint_id = resource_in(&fake.state("region"), &endpoint.id());
    assert_eq!(endpoint_id["location"], "eastus");
    applied_again_changes_nothing(&fake, "region", &fixed);

    // A network in another tenant: read in the endpoint's step, with that tenant's token.
    let other = other_tenant();
    let tenant = other["tenant"].as_str().unwrap();
    let (draft, mut seed) = other_tenant_plan(Some(tenant));
    let mut config = from_config_json_value(&draft);
    config["wizard"]["private_endpoints"] = json!({
        "endpoints": [{ "subnet_id": other["subnetId"], "tenant_id": tenant, "disable_network_policies": true }],
        "dns_mode": "create_zones",
    });
    let draft = from_config_json(&config.to_string()).unwrap();
    let plan = plan_of(&draft);
    let endpoint = plan.config.private_endpoints.as_ref().unwrap().endpoints[0].clone();
    let vnet = endpoint.subnet.vnet_id();
    let seeded_vnet = seed["resources"]
        .as_object()
        .unwrap()
        .keys()
        .find(|id| id.eq_ignore_ascii_case(&vnet))
        .expect("the other tenant's network is seeded")
        .clone();
    seed["resources"][&seeded_vnet]["location"] = json!("eastus");
    fake.load("region-tenant", &seed);
    let (executor, outcome) = apply(&fake, "region-tenant", &draft, &token);
    let step = create_endpoint_step(&plan);
    assert_eq!(outcome, Outcome::Failed { step }, "{:#?}", executor.steps);
    let (code, message, _) = failure(&executor, step);
    assert_eq!(code, "VirtualNetworkRegionMismatch", "{message}");
    assert!(message.contains("Nothing was sent for it"), "{message}");
    let endpoint_writes: Vec<Value> = fake
        .log("region-tenant")
        .into_iter()
        .filter(|e| {
            e["method"] != "GET" && e["path"].as_str().unwrap().contains("/privateEndpoints/")
        })
        .collect();
    assert!(endpoint_writes.is_empty(), "{endpoint_writes:?}");
    // The rules went in before the stop, the default action stays until its own step.
    let wanted = plan.config.network.as_ref().unwrap().default_action;
    assert_eq!(default_action_name(wanted), "Deny");
    let account = resource_in(&fake.state("region-tenant"), &plan.target().resource_id());
    assert_eq!(
        account["properties"]["networkAcls"]["defaultAction"],
        "Allow"
    );
}

/// A storage role the account's identity holds already under another name (a script or the
/// portal names assignments at random) is read and compared: the preview says so, the step is
/// skipped and nothing is written (ARM refuses the same role twice on a scope).
#[test]
fn a_storage_role_assigned_under_another_name_is_seen_and_its_step_skipped() {
    let fake = ArmFake::start_checking_tokens();
    let draft = seeded(&fake, "role", "speech-byos-hardened");
    applied(&fake, "role", &draft);

    // The same assignment under a random name, as `az role assignment create` makes it.
    let state = fake.state("role");
    let mut resources = state["resources"].as_object().unwrap().clone();
    let (id, mut assignment) = resources
        .iter()
        .find(|(id, _)| id.contains("/roleAssignments/"))
        .map(|(id, v)| (id.clone(), v.clone()))
        .expect("the role was assigned");
    resources.remove(&id);
    let random = "0c0ffee0-0000-4000-8000-000000000001";
    let renamed = format!("{}/{random}", id.rsplit_once('/').unwrap().0);
    assignment["id"] = json!(renamed);
    assignment["name"] = json!(random);
    resources.insert(renamed, assignment);
    let mut seed = seed_of(&draft);
    seed["resources"] = Value::Object(resources);
    fake.load("role", &seed);

    let plan = plan_of(&draft);
    let step = step_of(&plan, |a| matches!(a, Action::AssignStorageRole { .. }));
    let said = &compared(&fake, "role", &plan).preview()[step];
    assert!(
        said.satisfied
            && said
                .changes
                .join("\n")
                .contains(&format!("the role is assigned already (as {random})")),
        "{said:?}"
    );

    let second = applied(&fake, "role", &draft);
    assert!(
        matches!(&second.steps[step].status, StepStatus::Skipped(why) if why.contains(random)),
        "{:?}",
        second.steps[step]
    );
    assert!(
        writes_that_changed(&fake, "role").is_empty(),
        "{:?}",
        writes_that_changed(&fake, "role")
    );
    let verify = step_of(&plan, |a| {
        matches!(a, Action::VerifyUserOwnedStorage { .. })
    });
    assert_eq!(second.steps[verify].status, StepStatus::Done);
}

/// What the namespace answered since `from`, as `METHOD path`.
fn answered_since(fake: &ArmFake, namespace: &str, from: usize) -> Vec<String> {
    fake.log(namespace)[from..]
        .iter()
        .map(|e| format!("{} {}", e["method"], e["path"]).replace('"', ""))
        .collect()
}

/// A subdomain that is taken stops the run; the person types another one in the form and
/// presses Resume: the run goes on with the plan as the form says now, at the subdomain step
/// (found by what it acts on), without sending the earlier steps again, and sets the new name.
#[test]
fn resume_after_the_form_is_fixed_runs_the_current_plan_from_the_stopped_step() {
    let fake = ArmFake::start_checking_tokens();
    let token = good_token(&fake);
    let mut draft = fixture("openai-existing-current-state");
    draft.current_state = None;
    draft.custom_domain.subdomain = "contoso-taken".into();
    let mut seed = seed_of(&draft);
    seed["takenSubdomains"] = json!(["contoso-taken"]);
    fake.load("fix-subdomain", &seed);
    let plan = plan_of(&draft);
    let step = step_of(&plan, |a| matches!(a, Action::SetCustomSubdomain { .. }));

    let (mut executor, outcome) = apply(&fake, "fix-subdomain", &draft, &token);
    assert_eq!(outcome, Outcome::Failed { step }, "{:#?}", executor.steps);
    assert_eq!(failure(&executor, step).0, "SubdomainNotAvailable");

    let mut fixed = draft.clone();
    fixed.custom_domain.subdomain = "contoso-openai-fixed".into();
    let from = fake.log("fix-subdomain").len();
    executor.resume(plan_of(&fixed));
    let outcome = run(&mut executor, &token, &mut Browser::new(&fake));
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
    let resumed = executor.resumed().expect("resumed").clone();
    assert_eq!(resumed.at, Some(step), "{resumed:?}");
    assert_eq!(resumed.kept, step, "{resumed:?}");
    assert!(resumed.rechecked.is_empty(), "{resumed:?}");
    let patch = executor.steps[step].sent.last().expect("sent");
    assert!(
        patch.request.starts_with("PATCH ") && patch.request.contains("\"contoso-openai-fixed\""),
        "the step as the form says now: {}",
        patch.request
    );
    let after = answered_since(&fake, "fix-subdomain", from);
    let subscription = format!("GET /subscriptions/{}", plan.target().subscription_id);
    assert!(
        !after.contains(&subscription),
        "the earlier steps were not sent again: {after:#?}"
    );
    let account = resource_in(&fake.state("fix-subdomain"), &plan.target().resource_id());
    assert_eq!(
        account["properties"]["customSubDomainName"],
        "contoso-openai-fixed"
    );
    applied_again_changes_nothing(&fake, "fix-subdomain", &fixed);
}

/// When the fix changes an earlier step that was done (a rule more, after the endpoint was
/// refused), that step is not passed over: it runs again before the stopped one,
/// reading first, and writes what changed; the unchanged earlier steps are not sent again.
#[test]
fn resume_runs_again_an_earlier_step_the_fix_changed() {
    let fake = ArmFake::start_checking_tokens();
    let token = good_token(&fake);
    let mut draft = fixture("speech-byos-custom-domain-network-rules-private-endpoint");
    draft.current_state = None;
    let plan = plan_of(&draft);
    load(&fake, "fix-earlier", &draft);
    // The endpoint is refused once: the run stops at its step, after the rules.
    fake.scenario(
        "fix-earlier",
        &json!({ "faults": [{ "method": "PUT", "path": "/privateEndpoints/", "kind": "status", "status": 400, "code": "InvalidRequestFormat", "message": "Refused once by the test." }] }),
    );
    let stopped = create_endpoint_step(&plan);
    let rules = step_of(&plan, |a| matches!(a, Action::MergeNetworkRules { .. }));
    assert!(rules < stopped);

    let (mut executor, outcome) = apply(&fake, "fix-earlier", &draft, &token);
    assert_eq!(outcome, Outcome::Failed { step: stopped });
    assert_eq!(executor.steps[rules].status, StepStatus::Done);

    let mut fixed = draft.clone();
    fixed.network.ip_rules.push("198.51.100.7".into());
    let from = fake.log("fix-earlier").len();
    executor.resume(plan_of(&fixed));
    let outcome = run(&mut executor, &token, &mut Browser::new(&fake));
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
    let resumed = executor.resumed().expect("resumed").clone();
    assert_eq!(resumed.at, Some(stopped), "{resumed:?}");
    assert_eq!(resumed.rechecked, [plan.steps[rules].title.clone()]);
    assert_eq!(resumed.kept, stopped - 1, "{resumed:?}");
    let sent: Vec<&str> = executor.steps[rules]
        .sent
        .iter()
        .map(|s| s.request.as_str())
        .collect();
    assert!(
        sent.len() == 2 && sent[0].starts_with("GET ") && sent[1].starts_with("PATCH "),
        "the changed step reads, then writes: {sent:#?}"
    );
    let account = resource_in(&fake.state("fix-earlier"), &plan.target().resource_id());
    let ips = account["properties"]["networkAcls"]["ipRules"].to_string();
    assert!(
        ips.contains("198.51.100.7") && ips.contains("203.0.113.0/24"),
        "{ips}"
    );
    let after = answered_since(&fake, "fix-earlier", from);
    assert!(
        !after.iter().any(|r| r.starts_with("PUT ")
            && (r.contains("/roleAssignments/") || r.contains("/accounts/"))),
        "the unchanged earlier steps were not sent again: {after:#?}"
    );
    applied_again_changes_nothing(&fake, "fix-earlier", &fixed);
}

/// The late-write race: the subdomain PATCH times out, the person resumes at once, the step
/// reads the account before the abandoned PATCH lands, and the check afterwards says "not
/// available" because the account now carries the name. The step reads the account again,
/// sees the name is its own and counts the step as done already, instead of failing.
#[test]
fn a_subdomain_write_that_lands_late_is_seen_and_the_step_skipped() {
    let fake = ArmFake::start_checking_tokens();
    let token = good_token(&fake);
    let draft = openai(
        &fake,
        "late-write",
        json!({ "requireJwt": true, "faults": [{ "path": "/accounts/contoso-openai", "method": "PATCH", "kind": "slow", "seconds": 4 }] }),
    );
    let plan = plan_of(&draft);
    let step = step_of(&plan, |a| matches!(a, Action::SetCustomSubdomain { .. }));
    let Action::SetCustomSubdomain { subdomain } = &plan.steps[step].action else {
        unreachable!()
    };
    let mut executor = Executor::new(plan.clone(), &fake.endpoint("late-write"));
    let mut browser = Browser::new(&fake);
    browser.timeout = Duration::from_millis(500);
    assert_eq!(
        run(&mut executor, &token, &mut browser),
        Outcome::Failed { step }
    );
    assert_eq!(failure(&executor, step).0, "TimedOut");

    // Resume at once: the step's read goes out while the abandoned PATCH is still on its way.
    browser.timeout = Duration::from_secs(10);
    executor.resume(plan_of(&draft));
    let Next::Send(read) = executor.next(&token) else {
        panic!("the step reads first")
    };
    assert!(read.method == "GET" && read.url.contains("/accounts/contoso-openai"));
    let answer = browser.send(&read).expect("an answer");
    assert_ne!(
        answer.json().unwrap()["properties"]["customSubDomainName"],
        json!(subdomain),
        "the read came before the late write"
    );
    executor.on_response(Ok(answer));
    let landed = || {
        fake.log("late-write")
            .iter()
            .any(|e| e["method"] == "PATCH" && e["changed"] == true)
    };
    for _ in 0..200 {
        if landed() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(landed(), "the abandoned PATCH landed");

    assert_eq!(
        run(&mut executor, &token, &mut browser),
        Outcome::Completed,
        "{:#?}",
        executor.steps
    );
    let sent: Vec<String> = executor.steps[step]
        .sent
        .iter()
        .map(|s| format!("{} → {}", s.request.lines().next().unwrap(), s.answer))
        .collect();
    assert!(
        matches!(&executor.steps[step].status, StepStatus::Skipped(why) if why.contains("by this account")),
        "{:?} {sent:#?}",
        executor.steps[step].status
    );
    assert!(
        sent.len() == 3
            && sent[0].starts_with("GET ")
            && sent[1].starts_with("POST ")
            && sent[2].starts_with("GET "),
        "read, check (taken), read again, and no PATCH: {sent:#?}"
    );
    applied_again_changes_nothing(&fake, "late-write", &draft);
}

/// Every kind of plan step, by an exhaustive match (no catch-all): a new kind of step does not
/// compile here until it is named, and once named, [`the_full_apply_runs_make_every_kind_of_step`]
/// fails until a plan of `tests/arm_fake/full-apply.json` (the browser test's) makes it.
macro_rules! step_kinds {
    ($($pattern:pat => $name:literal,)*) => {
        const EVERY_STEP_KIND: &[&str] = &[$($name),*];
        fn step_kind(action: &Action) -> &'static str {
            match action {
                $($pattern => $name,)*
            }
        }
    };
}

step_kinds! {
    Action::SelectSubscription => "select the subscription",
    Action::CheckResourceGroups { .. } => "check the resource groups exist",
    Action::VerifyResource => "check the resource exists",
    Action::CreateAccount { storage: None, .. } => "create the account",
    Action::CreateAccount { storage: Some(_), .. } => "create the account with its storage",
    Action::SetCustomSubdomain { .. } => "set the custom subdomain",
    Action::RegisterResourceProvider { .. } => "register the resource provider",
    Action::EnableServiceEndpoint { .. } => "enable a service endpoint",
    Action::MergeNetworkRules { .. } => "merge network rules",
    Action::SetDefaultAction { .. } => "set the default action",
    Action::SetPublicNetworkAccess { .. } => "set public network access",
    Action::PrivateEndpoint(EndpointAction::DisableNetworkPolicies { .. }) => "switch off endpoint network policies",
    Action::PrivateEndpoint(EndpointAction::CreateZone { .. }) => "create a private DNS zone",
    Action::PrivateEndpoint(EndpointAction::LinkZone { .. }) => "link a zone",
    Action::PrivateEndpoint(EndpointAction::CreateEndpoint { .. }) => "create a private endpoint",
    Action::PrivateEndpoint(EndpointAction::AttachZoneGroup { .. }) => "attach a zone group",
    Action::PrivateEndpoint(EndpointAction::ShowDnsRecords { .. }) => "show DNS records",
    Action::PrivateEndpoint(EndpointAction::ClientGuidance { .. }) => "client guidance",
    Action::PrivateEndpoint(EndpointAction::DeleteEndpoint { .. }) => "delete an endpoint",
    Action::PrivateEndpoint(EndpointAction::CloseDependentPublicAccess { .. }) => "close a hub resource's public access",
    Action::EndpointConnection(ConnectionChange { decision: ConnectionDecision::Approve, .. }) => "approve a connection",
    Action::EndpointConnection(ConnectionChange { decision: ConnectionDecision::Reject, .. }) => "reject a connection",
    Action::EndpointConnection(ConnectionChange { decision: ConnectionDecision::Delete, .. }) => "delete a connection",
    Action::AssignStorageRole { .. } => "assign the storage role",
    Action::HardenStorage { .. } => "harden the storage account",
    Action::VerifyUserOwnedStorage { .. } => "read the storage back",
}

/// One plan of the browser test's full apply: its configuration (as a person imports it), the
/// state the fake starts from, and whether "Compare with Azure" runs first.
struct FullApplyRun {
    name: String,
    compare: bool,
    draft: Draft,
    seed: Value,
}

fn full_apply_runs() -> Vec<FullApplyRun> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/arm_fake/full-apply.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    file["runs"]
        .as_array()
        .expect("runs")
        .iter()
        .map(|run| {
            let name = run["name"].as_str().unwrap().to_owned();
            let draft = from_config_json(&run["config"].to_string())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            FullApplyRun {
                compare: run["compare"] == true,
                seed: run["seed"].clone(),
                draft,
                name,
            }
        })
        .collect()
}

#[test]
fn the_full_apply_runs_make_every_kind_of_step() {
    let made: Vec<&str> = full_apply_runs()
        .iter()
        .flat_map(|run| plan_of(&run.draft).steps)
        .map(|step| step_kind(&step.action))
        .collect();
    let missing: Vec<&&str> = EVERY_STEP_KIND
        .iter()
        .filter(|kind| !made.contains(kind))
        .collect();
    assert!(
        missing.is_empty(),
        "no plan of tests/arm_fake/full-apply.json (the browser test's full apply) makes: {missing:?}"
    );
}

/// What the browser test does with each run, natively: seed the fake, compare when the run
/// says so (the reads kept in the form), apply: every step finishes, something is written, and
/// the second run changes nothing.
#[test]
fn every_full_apply_run_applies_and_a_second_run_changes_nothing() {
    let fake = ArmFake::start_checking_tokens();
    for run in full_apply_runs() {
        let namespace = run.name.as_str();
        fake.load(namespace, &run.seed);
        let mut draft = run.draft.clone();
        if run.compare {
            let plan = plan_of(&draft);
            let reads = read_what_the_plan_touches(&fake, namespace, &plan, &good_token(&fake));
            let (kept, problems) = keep_reads(
                draft.current_state.as_ref(),
                &reads,
                &plan.target().resource_id(),
                "2026-11-30T12:00Z",
            );
            assert!(problems.is_empty(), "{namespace}: {problems:?}");
            draft.current_state = kept.or(draft.current_state);
        }
        let first = applied(&fake, namespace, &draft);
        assert!(
            first.steps.iter().any(|s| s.status == StepStatus::Done)
                && !writes_that_changed(&fake, namespace).is_empty(),
            "{namespace}: nothing was applied {:#?}",
            first.steps
        );
        applied_again_changes_nothing(&fake, namespace, &draft);
    }
}

/// The second tenant of the fake (tests/arm_fake/other-tenant.json): its subscription, with a
/// virtual network, to merge into a seed.
fn other_tenant() -> Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/arm_fake/other-tenant.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The full apply's existing account with its rules, allowing a subnet of the other tenant
/// (named as in another tenant when `tenant` is), without endpoints or a subdomain; the seed
/// holds both tenants.
fn other_tenant_plan(tenant: Option<&str>) -> (Draft, Value) {
    let other = other_tenant();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/arm_fake/full-apply.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let run = &file["runs"][0];
    assert_eq!(run["name"], "existing-account");
    let mut config = run["config"].clone();
    config["wizard"]["custom_domain"] = json!({ "enabled": false });
    config["wizard"]["private_endpoints"] = json!({ "endpoints": [] });
    config["wizard"]["network"]["vnet_rules"] = json!([{
        "subnet_id": other["subnetId"],
        "tenant_id": tenant.unwrap_or(""),
        "enable_service_endpoint": true,
    }]);
    let draft = from_config_json(&config.to_string()).unwrap();
    let mut seed = run["seed"].clone();
    let mut subscriptions = seed["subscriptions"].as_array().unwrap().clone();
    subscriptions.extend(
        other["seed"]["subscriptions"]
            .as_array()
            .unwrap()
            .iter()
            .cloned(),
    );
    seed["subscriptions"] = json!(subscriptions);
    for key in ["tenants", "providers", "resources"] {
        for (k, v) in other["seed"][key].as_object().unwrap() {
            seed[key][k] = v.clone();
        }
    }
    (draft, seed)
}

fn refused_for_tenant(fake: &ArmFake, namespace: &str) -> Vec<String> {
    fake.log(namespace)
        .iter()
        .filter(|e| e["status"] == 401)
        .map(|e| format!("{} {} {}", e["method"], e["path"], e["code"]))
        .collect()
}

/// A subnet in another tenant: the run stops before the first request on it that a token of
/// the account's tenant would get refused, naming the subnet's subscription, both tenants and
/// the commands for a token of the subnet's tenant. The first is the check that its resource
/// group exists, before anything changes: with that tenant's token the check passes and the run
/// stops before the account's next step for the account's token again. Then the account's steps
/// run up to the subnet's, which ask for the subnet's tenant once more; with that token pasted,
/// Resume does the subnet's steps and stops before the account's next step, which wants the
/// account's tenant again; with that one, Resume completes. No request is ever refused, and no
/// step done is sent again.
#[test]
fn a_subnet_in_another_tenant_is_sent_with_its_tenants_token_and_the_account_with_its_own() {
    let fake = ArmFake::start_checking_tokens();
    let other = other_tenant();
    let tenant = other["tenant"].as_str().unwrap();
    let partner = other["subscriptionId"].as_str().unwrap();
    let (draft, seed) = other_tenant_plan(Some(tenant));
    fake.load("tenants", &seed);
    let plan = plan_of(&draft);
    let check = step_of(&plan, |a| {
        matches!(
            a,
            Action::CheckResourceGroups {
                tenant_id: Some(_),
                ..
            }
        )
    });
    let register = step_of(&plan, |a| {
        matches!(a, Action::RegisterResourceProvider { .. })
    });
    let service_endpoint = step_of(&plan, |a| matches!(a, Action::EnableServiceEndpoint { .. }));
    let rules = step_of(&plan, |a| matches!(a, Action::MergeNetworkRules { .. }));
    assert!(check + 1 < register && register < service_endpoint && service_endpoint < rules);
    let account_token = good_token(&fake);
    let mut executor = Executor::new(plan.clone(), &fake.endpoint("tenants"));

    // Compare (the page's reads before a run, with the account's token) sends nothing to the
    // subnet's subscription: those reads wait for the run and that tenant's token.
    let reads = executor.reads();
    assert!(
        !reads.is_empty() && reads.iter().all(|r| !r.path.contains(partner)),
        "{:#?}",
        reads.iter().map(|r| &r.path).collect::<Vec<_>>()
    );

    // Before the run, the preview names the steps the run stops at to ask for a token.
    let asks: Vec<(usize, String)> = executor
        .preview()
        .into_iter()
        .enumerate()
        .filter_map(|(i, p)| p.token.map(|t| (i, t)))
        .collect();
    assert_eq!(
        asks.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
        [check, check + 1, register, rules],
        "{asks:#?}"
    );
    for ask in [&asks[0], &asks[2]] {
        assert!(
            ask.1.contains(tenant) && ask.1.contains(partner),
            "{}",
            ask.1
        );
    }
    for ask in [&asks[1], &asks[3]] {
        assert!(ask.1.contains("the account's tenant again"), "{}", ask.1);
    }

    // Token A: nothing is sent to the subnet's subscription; the group check asks for token B.
    let outcome = run(&mut executor, &account_token, &mut Browser::new(&fake));
    assert_eq!(
        outcome,
        Outcome::Failed { step: check },
        "{:#?}",
        executor.steps
    );
    let (code, message, _) = failure(&executor, check);
    assert_eq!(code, TOKEN_FOR_ANOTHER_TENANT);
    assert!(
        message.contains(partner) && message.contains(tenant),
        "{message}"
    );
    // Token B checks the group, then the run stops for the account's token again.
    executor.resume(plan.clone());
    let outcome = run(
        &mut executor,
        &token_of(&fake, tenant),
        &mut Browser::new(&fake),
    );
    assert_eq!(
        outcome,
        Outcome::Failed { step: check + 1 },
        "{:#?}",
        executor.steps
    );
    assert_eq!(executor.steps[check].status, StepStatus::Done);
    let checked = fake.log("tenants").len();

    // Token A: the account's steps run up to the subnet's.
    executor.resume(plan.clone());
    let outcome = run(&mut executor, &account_token, &mut Browser::new(&fake));
    assert_eq!(
        outcome,
        Outcome::Failed { step: register },
        "{:#?}",
        executor.steps
    );
    let (code, message, advice) = failure(&executor, register);
    assert_eq!(code, TOKEN_FOR_ANOTHER_TENANT);
    assert!(
        message.contains(partner) && message.contains(tenant) && message.contains(ACCOUNT_TENANT),
        "{message}"
    );
    for command in [
        format!("az account get-access-token --tenant {tenant} --resource https://management.azure.com/ --query accessToken --output tsv"),
        format!("Get-AzAccessToken -TenantId {tenant} -ResourceUrl https://management.azure.com/"),
        format!("[System.Net.NetworkCredential]::new('', (Get-AzAccessToken -TenantId {tenant} -ResourceUrl https://management.azure.com/ -AsSecureString).Token).Password"),
        "Paste it, then Resume".to_owned(),
    ] {
        assert!(advice.contains(&command), "{command} in {advice}");
    }
    assert!(executor.steps[register].sent.is_empty());
    let answered = answered_since(&fake, "tenants", checked);
    assert!(
        !answered.iter().any(|e| e.contains(partner)),
        "nothing more was sent to the other tenant's subscription: {answered:#?}"
    );
    assert!(executor.steps[..register].iter().all(finished));

    // Token B (its tid in capitals: GUIDs compare case-insensitively): the subnet's steps, then
    // a stop before the account's rules, asking for the account's tenant.
    let subnet_token = token_of(&fake, &tenant.to_ascii_uppercase());
    let from = fake.log("tenants").len();
    executor.resume(plan.clone());
    let outcome = run(&mut executor, &subnet_token, &mut Browser::new(&fake));
    assert_eq!(
        outcome,
        Outcome::Failed { step: rules },
        "{:#?}",
        executor.steps
    );
    let (code, message, advice) = failure(&executor, rules);
    assert_eq!(code, TOKEN_FOR_ANOTHER_TENANT);
    assert!(
        message.contains(ACCOUNT_TENANT) && message.contains(&tenant.to_ascii_uppercase()),
        "{message}"
    );
    assert!(
        advice.contains(&format!(
            "az account get-access-token --tenant {ACCOUNT_TENANT} "
        )),
        "{advice}"
    );
    assert_eq!(executor.steps[register].status, StepStatus::Done);
    assert_eq!(executor.steps[service_endpoint].status, StepStatus::Done);
    let after = answered_since(&fake, "tenants", from);
    assert!(
        after.iter().all(|r| r.contains(partner)),
        "with the subnet's token, only its subscription was sent requests: {after:#?}"
    );

    // Token A again: Resume completes, the subnet's steps kept.
    let from = fake.log("tenants").len();
    executor.resume(plan.clone());
    let outcome = run(&mut executor, &account_token, &mut Browser::new(&fake));
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
    assert!(executor.steps.iter().all(finished));
    let after = answered_since(&fake, "tenants", from);
    assert!(
        !after.iter().any(|r| r.contains(partner)),
        "the subnet's steps were not sent again: {after:#?}"
    );
    assert!(refused_for_tenant(&fake, "tenants").is_empty());
    let state = fake.state("tenants");
    let subnet = resource_in(&state, other["subnetId"].as_str().unwrap());
    assert!(
        subnet["properties"]["serviceEndpoints"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["service"] == "Microsoft.CognitiveServices"),
        "{subnet}"
    );
    let account = resource_in(&state, &plan.target().resource_id());
    assert!(
        account["properties"]["networkAcls"]["virtualNetworkRules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case(other["subnetId"].as_str().unwrap())),
        "{account}"
    );
}

/// A subnet in another tenant that the form does not say is: the account's token reaches its
/// subscription, which Resource Manager refuses with InvalidAuthenticationTokenTenant; the step
/// says the token is for another tenant than the subscription's, names the tenant Resource
/// Manager asks for and the commands for a token of it; with that token, Resume goes on.
#[test]
fn a_token_refused_for_the_subscriptions_tenant_names_the_tenant_arm_asks_for() {
    let fake = ArmFake::start_checking_tokens();
    let other = other_tenant();
    let tenant = other["tenant"].as_str().unwrap();
    let (draft, seed) = other_tenant_plan(None);
    fake.load("unnamed-tenant", &seed);
    let plan = plan_of(&draft);
    // The first request on the subnet's subscription: the check that its group exists.
    let check = step_of(&plan, |a| matches!(a, Action::CheckResourceGroups { .. }));
    let register = step_of(&plan, |a| {
        matches!(a, Action::RegisterResourceProvider { .. })
    });
    let mut executor = Executor::new(plan.clone(), &fake.endpoint("unnamed-tenant"));
    let outcome = run(&mut executor, &good_token(&fake), &mut Browser::new(&fake));
    assert_eq!(
        outcome,
        Outcome::Failed { step: check },
        "{:#?}",
        executor.steps
    );
    let (code, message, advice) = failure(&executor, check);
    assert_eq!(code, "InvalidAuthenticationTokenTenant");
    assert!(
        message.contains(&format!(
            "It must match the tenant 'https://sts.windows.net/{tenant}/'"
        )),
        "ARM's message: {message}"
    );
    assert!(
        advice.contains("another Entra tenant than the subscription's")
            && advice.contains(&format!("az account get-access-token --tenant {tenant} --resource https://management.azure.com/ --query accessToken --output tsv"))
            && advice.contains(&format!("Get-AzAccessToken -TenantId {tenant} -ResourceUrl https://management.azure.com/")),
        "{advice}"
    );
    // With the tenant's token, the subnet's subscription is done; the account's next step was
    // answered with the account's tenant before, so it stops for that tenant's token again
    // before anything is sent; with it, Resume completes.
    let service_endpoint = step_of(&plan, |a| matches!(a, Action::EnableServiceEndpoint { .. }));
    let rules = step_of(&plan, |a| matches!(a, Action::MergeNetworkRules { .. }));
    let refused = refused_for_tenant(&fake, "unnamed-tenant").len();
    // The group check passes with the tenant's token; the account's steps want the account's
    // token, up to the subnet's, which want the tenant's again (now known, nothing is refused).
    for (token, stop) in [
        (token_of(&fake, tenant), check + 1),
        (good_token(&fake), register),
    ] {
        executor.resume(plan.clone());
        let outcome = run(&mut executor, &token, &mut Browser::new(&fake));
        assert_eq!(
            outcome,
            Outcome::Failed { step: stop },
            "{:#?}",
            executor.steps
        );
        assert_eq!(failure(&executor, stop).0, TOKEN_FOR_ANOTHER_TENANT);
    }
    executor.resume(plan.clone());
    let outcome = run(
        &mut executor,
        &token_of(&fake, tenant),
        &mut Browser::new(&fake),
    );
    assert_eq!(
        outcome,
        Outcome::Failed { step: rules },
        "{:#?}",
        executor.steps
    );
    assert_eq!(executor.steps[register].status, StepStatus::Done);
    assert_eq!(executor.steps[service_endpoint].status, StepStatus::Done);
    let (code, message, advice) = failure(&executor, rules);
    assert_eq!(code, TOKEN_FOR_ANOTHER_TENANT);
    assert!(
        message.contains("the account's subscription") && message.contains(ACCOUNT_TENANT),
        "{message}"
    );
    assert!(
        advice.contains(&format!("--tenant {ACCOUNT_TENANT} ")),
        "{advice}"
    );
    assert_eq!(
        refused_for_tenant(&fake, "unnamed-tenant").len(),
        refused,
        "nothing more was refused"
    );
    executor.resume(plan);
    let outcome = run(&mut executor, &good_token(&fake), &mut Browser::new(&fake));
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
}

/// The form names the wrong tenant for the subnet: a token of that tenant passes the check
/// before sending, and Resource Manager refuses it. The step says to correct the tenant in the
/// form, with the commands for the tenant Resource Manager asks for; corrected, Resume goes on.
#[test]
fn a_wrong_tenant_in_the_form_is_named_when_resource_manager_refuses_its_token() {
    let fake = ArmFake::start_checking_tokens();
    let other = other_tenant();
    let tenant = other["tenant"].as_str().unwrap();
    let typo = "11111111-2222-4333-8444-555555555555";
    let (draft, seed) = other_tenant_plan(Some(typo));
    fake.load("typo", &seed);
    let plan = plan_of(&draft);
    // The first request on the subnet's subscription: the check that its group exists.
    let check = step_of(&plan, |a| matches!(a, Action::CheckResourceGroups { .. }));
    let register = step_of(&plan, |a| {
        matches!(a, Action::RegisterResourceProvider { .. })
    });
    let mut executor = Executor::new(plan, &fake.endpoint("typo"));
    assert_eq!(
        run(&mut executor, &good_token(&fake), &mut Browser::new(&fake)),
        Outcome::Failed { step: check }
    );
    executor.resume(plan_of(&draft));
    let outcome = run(
        &mut executor,
        &token_of(&fake, typo),
        &mut Browser::new(&fake),
    );
    assert_eq!(
        outcome,
        Outcome::Failed { step: check },
        "{:#?}",
        executor.steps
    );
    let (code, _, advice) = failure(&executor, check);
    assert_eq!(code, "InvalidAuthenticationTokenTenant");
    assert!(
        advice.contains(&format!("in Entra tenant {typo}"))
            && advice.contains("correct the tenant in the form")
            && advice.contains(&format!("--tenant {tenant} ")),
        "{advice}"
    );
    let (fixed, _) = other_tenant_plan(Some(tenant));
    let rules = step_of(&plan_of(&fixed), |a| {
        matches!(a, Action::MergeNetworkRules { .. })
    });
    // Corrected: the check goes on with the tenant's token, then each change of tenant asks.
    for (token, stop) in [
        (token_of(&fake, tenant), check + 1),
        (good_token(&fake), register),
    ] {
        executor.resume(plan_of(&fixed));
        let outcome = run(&mut executor, &token, &mut Browser::new(&fake));
        assert_eq!(
            outcome,
            Outcome::Failed { step: stop },
            "{:#?}",
            executor.steps
        );
    }
    executor.resume(plan_of(&fixed));
    let outcome = run(
        &mut executor,
        &token_of(&fake, tenant),
        &mut Browser::new(&fake),
    );
    assert_eq!(
        outcome,
        Outcome::Failed { step: rules },
        "{:#?}",
        executor.steps
    );
    assert_eq!(
        tenant_asked(&executor, rules).as_deref(),
        Some(ACCOUNT_TENANT)
    );
    executor.resume(plan_of(&fixed));
    let outcome = run(&mut executor, &good_token(&fake), &mut Browser::new(&fake));
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
}

/// A private endpoint in a subnet of another tenant: its subnet's policies, the endpoint and
/// its zone group are sent with that tenant's token, the zones, their links and the account's
/// steps with the account's; each change of tenant stops once to ask for the token, nothing
/// sent with the wrong one, and Resume completes the plan. With manual approval, the endpoint's
/// step also reads the account's connections for its owner: in the account's tenant, that read
/// is passed over rather than stopping the step for a token it could not finish with.
#[test]
fn a_private_endpoint_in_another_tenants_subnet_switches_tokens_at_each_change_of_tenant() {
    for manual in [false, true] {
        endpoint_in_another_tenant(manual);
    }
}

fn endpoint_in_another_tenant(manual: bool) {
    let fake = ArmFake::start_checking_tokens();
    let other = other_tenant();
    let tenant = other["tenant"].as_str().unwrap();
    let (draft, seed) = other_tenant_plan(Some(tenant));
    let mut config = from_config_json_value(&draft);
    config["wizard"]["private_endpoints"] = json!({
        "endpoints": [{ "subnet_id": other["subnetId"], "tenant_id": tenant, "disable_network_policies": true, "manual_approval": manual, "request_message": "Please approve." }],
        "dns_mode": "create_zones",
    });
    let draft = from_config_json(&config.to_string()).unwrap();
    fake.load("endpoint-tenant", &seed);
    let plan = plan_of(&draft);
    let mut executor = Executor::new(plan.clone(), &fake.endpoint("endpoint-tenant"));
    let mut token = good_token(&fake);
    let mut asked = Vec::new();
    let outcome = loop {
        let outcome = run(&mut executor, &token, &mut Browser::new(&fake));
        let Outcome::Failed { step } = outcome else {
            break outcome;
        };
        let Some(wanted) = tenant_asked(&executor, step) else {
            break outcome;
        };
        assert!(asked.len() < 10, "{asked:?}");
        asked.push((executor.steps[step].title.clone(), wanted.clone()));
        token = token_of(&fake, &wanted);
        executor.resume(plan.clone());
    };
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
    assert!(refused_for_tenant(&fake, "endpoint-tenant").is_empty());
    let titles: Vec<String> = asked
        .iter()
        .map(|(title, wanted)| format!("{wanted}: {title}"))
        .collect();
    let first = |part: &str| titles.iter().position(|t| t.contains(part));
    for (part, wanted) in [
        ("network policies", tenant),
        ("private DNS zone", ACCOUNT_TENANT),
        ("Create private endpoint", tenant),
    ] {
        assert!(
            first(part).is_some_and(|i| titles[i].starts_with(wanted)),
            "{part} asks for {wanted}: {titles:#?}"
        );
    }
    assert!(
        asked.windows(2).all(|w| w[0].1 != w[1].1),
        "each stop changes tenant: {titles:#?}"
    );
    assert!(executor.steps.iter().all(finished));
    let create = create_endpoint_step(&plan);
    assert_eq!(executor.steps[create].status, StepStatus::Done);
    let planned_read = plan
        .requests(&plan.steps[create])
        .iter()
        .any(|r| r.path.contains("/privateEndpointConnections"));
    assert_eq!(
        planned_read, manual,
        "manual approval reads the connections"
    );
    let read_for_owner = executor.steps[create]
        .sent
        .iter()
        .any(|s| s.request.contains("/privateEndpointConnections"));
    assert!(!read_for_owner, "{:#?}", executor.steps[create].sent);
    let state = fake.state("endpoint-tenant");
    assert!(
        state["resources"]
            .as_object()
            .unwrap()
            .keys()
            .any(|id| id.contains(other["subscriptionId"].as_str().unwrap())
                && id.contains("/privateEndpoints/")),
        "the endpoint is in the other tenant's subscription"
    );
}

fn from_config_json_value(draft: &Draft) -> Value {
    serde_json::from_str(&ai_network_wizard::core::config_file::to_config_json(draft)).unwrap()
}

/// A resource group the plan writes into is missing: the run stops at the check, before any
/// write (the custom subdomain included), naming the group and what needs it; once the group
/// exists, Resume completes.
#[test]
fn a_missing_resource_group_stops_the_run_before_any_write() {
    let fake = ArmFake::start_checking_tokens();
    let mut draft = fixture("speech-private-endpoint-created-zones");
    draft.current_state = None;
    let mut seed = seed_of(&draft);
    let plan = plan_of(&draft);
    let group = format!(
        "/subscriptions/{}/resourceGroups/rg-network",
        plan.target().subscription_id
    );
    let removed = seed["resources"].as_object_mut().unwrap().remove(&group);
    assert!(removed.is_some(), "the seed holds {group}");
    fake.load("missing-group", &seed);
    let check = step_of(&plan, |a| matches!(a, Action::CheckResourceGroups { .. }));
    let subdomain = step_of(&plan, |a| matches!(a, Action::SetCustomSubdomain { .. }));
    assert!(check < subdomain);
    let mut executor = Executor::new(plan.clone(), &fake.endpoint("missing-group"));
    let outcome = run(&mut executor, &good_token(&fake), &mut Browser::new(&fake));
    assert_eq!(
        outcome,
        Outcome::Failed { step: check },
        "{:#?}",
        executor.steps
    );
    let (code, message, advice) = failure(&executor, check);
    assert_eq!(code, "ResourceGroupNotFound");
    assert!(
        message.contains("Resource group rg-network (subscription 6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91) does not exist; it is needed for private endpoint pe-contoso-speech-account."),
        "{message}"
    );
    assert!(advice.contains("Resume"), "{advice}");
    assert!(
        fake.log("missing-group")
            .iter()
            .all(|e| e["method"] == "GET"),
        "nothing but reads was sent"
    );
    // The group is created (here, by loading it back): Resume goes on from the check.
    let mut seed = seed_of(&draft);
    seed["resources"][&group]["tags"] = json!({});
    fake.load("missing-group", &seed);
    executor.resume(plan);
    let outcome = run(&mut executor, &good_token(&fake), &mut Browser::new(&fake));
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);
}

/// The zone exists, linked to the endpoint's virtual network under the portal's name, and the
/// endpoint exists with a zone group named as in Microsoft's examples holding another zone: the
/// run reuses the link (the step says under which name), writes the plan's zone into that
/// group keeping the other zone, never writes a group named `default`, and does not send the
/// existing endpoint's PUT, which carries no If-None-Match. A second run changes nothing.
#[test]
fn an_existing_link_zone_group_and_endpoint_are_reused_under_their_own_names() {
    let fake = ArmFake::start_checking_tokens();
    let mut draft = fixture("speech-private-endpoint-created-zones");
    draft.current_state = None;
    let plan = plan_of(&draft);
    let pe = plan.config.private_endpoints.clone().unwrap();
    let endpoint = &pe.endpoints[0];
    let zone = &endpoint.zones[0];
    let vnet = endpoint.subnet.vnet_id();
    let other_zone = zone.id.replace(&zone.name, "privatelink.example.internal");
    let mut seed = seed_of(&draft);
    seed["resources"][&zone.id] = json!({ "location": "global", "properties": {} });
    seed["resources"][format!("{}/virtualNetworkLinks/portal-link", zone.id)] = json!({
        "name": "portal-link",
        "location": "global",
        "properties": { "virtualNetwork": { "id": vnet.to_ascii_uppercase() }, "registrationEnabled": false },
    });
    seed["resources"][endpoint.id()] = json!({ "location": endpoint.location, "properties": {} });
    seed["resources"][format!("{}/privateDnsZoneGroups/myzonegroup", endpoint.id())] = json!({
        "name": "myzonegroup",
        "properties": { "privateDnsZoneConfigs": [
            { "name": "config1", "properties": { "privateDnsZoneId": other_zone } },
        ] },
    });
    fake.load("other-names", &seed);
    let mut executor = Executor::new(plan.clone(), &fake.endpoint("other-names"));
    let outcome = run(&mut executor, &good_token(&fake), &mut Browser::new(&fake));
    assert_eq!(outcome, Outcome::Completed, "{:#?}", executor.steps);

    let link = step_of(&plan, |a| {
        matches!(a, Action::PrivateEndpoint(EndpointAction::LinkZone { .. }))
    });
    match &executor.steps[link].status {
        StepStatus::Skipped(why) => assert!(
            why.contains("linked to this virtual network already, as portal-link"),
            "{why}"
        ),
        other => panic!("{other:?}"),
    }
    let writes = writes_that_changed(&fake, "other-names");
    assert!(
        !writes
            .iter()
            .any(|w| w.contains("/virtualNetworkLinks/link-")
                || w.contains("/privateDnsZoneGroups/default")
                || w.ends_with(&format!("privateEndpoints/{}\"", endpoint.name))),
        "{writes:#?}"
    );
    let sent: Vec<&str> = executor
        .steps
        .iter()
        .flat_map(|s| &s.sent)
        .map(|s| s.request.as_str())
        .collect();
    assert!(
        !sent.iter().any(|r| r.starts_with("PUT ")
            && r.contains("/privateEndpoints/")
            && !r.contains("/privateDnsZoneGroups/")),
        "the existing endpoint is not sent a PUT: {sent:#?}"
    );
    let state = fake.state("other-names");
    let group = resource_in(
        &state,
        &format!("{}/privateDnsZoneGroups/myzonegroup", endpoint.id()),
    );
    let zones: Vec<&str> = group["properties"]["privateDnsZoneConfigs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["properties"]["privateDnsZoneId"].as_str().unwrap())
        .collect();
    assert_eq!(zones, [other_zone.as_str(), zone.id.as_str()]);
    applied_again_changes_nothing(&fake, "other-names", &draft);
}

/// The private endpoint PUT carries no If-None-Match (its operation does not document it);
/// private DNS zones and links keep it (theirs do).
#[test]
fn if_none_match_goes_only_where_the_operation_documents_it() {
    let plan = plan_of(&fixture("speech-private-endpoint-created-zones"));
    for step in &plan.steps {
        for request in plan.requests(step) {
            let path = request.path.to_ascii_lowercase();
            let endpoint_put = request.method == "PUT"
                && path.contains("/privateendpoints/")
                && !path.contains("/privatednszonegroups/");
            let dns_put = request.method == "PUT" && path.contains("/privatednszones/");
            if endpoint_put {
                assert!(!request.if_none_match && request.create_only, "{request:?}");
            }
            if dns_put {
                assert!(request.if_none_match && request.create_only, "{request:?}");
            }
        }
    }
}
