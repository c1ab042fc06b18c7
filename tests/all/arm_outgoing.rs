//! Where the token may go: the gate every request of the apply page passes before `fetch`
//! (`outgoing::check`), the test endpoint's loopback-only rule, what is sent for a pasted
//! token, the paths the request builder and the executor refuse, "Load from Azure"'s read, and
//! the message for a request that got no answer.

use ai_network_wizard::arm_client::endpoint::{parse_custom_endpoint, resource_read, ArmEndpoint};
use ai_network_wizard::arm_client::http::{check_path, no_answer_message};
use ai_network_wizard::arm_client::outgoing::check;
use ai_network_wizard::arm_client::token::bare_jwt;
use ai_network_wizard::arm_client::{
    run, Executor, HttpRequest, HttpResponse, Outcome, StepRun, StepStatus, Transport,
    TransportError,
};
use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::draft::TargetDraft;
use ai_network_wizard::core::plan::{plan, ArmRequest};
use ai_network_wizard::core::share_link::base64url::encode as b64;
use serde_json::json;

use crate::support::{assert_no_error, fixture};

const PATH: &str = "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/contoso";

fn jwt(audience: &str) -> String {
    format!(
        "{}.{}.c2lnbmF0dXJl",
        b64(br#"{"alg":"RS256","typ":"JWT"}"#),
        b64(json!({ "aud": audience, "exp": 4_000_000_000u64 })
            .to_string()
            .as_bytes())
    )
}

fn read(path: &str) -> ArmRequest {
    ArmRequest::new("GET", path.to_owned(), "2024-10-01")
}

/// Each cloud's Resource Manager audiences, in every form a token may carry them.
fn cloud_audiences(cloud: Cloud) -> Vec<String> {
    let hosts: &[&str] = match cloud {
        Cloud::AzureCloud => &["management.azure.com", "management.core.windows.net"],
        Cloud::AzureUSGovernment => &[
            "management.usgovcloudapi.net",
            "management.core.usgovcloudapi.net",
        ],
        Cloud::AzureChinaCloud => &[
            "management.chinacloudapi.cn",
            "management.core.chinacloudapi.cn",
        ],
    };
    hosts
        .iter()
        .flat_map(|host| {
            [
                format!("https://{host}/"),
                format!("https://{host}"),
                format!("https://{}/", host.to_ascii_uppercase()),
            ]
        })
        .collect()
}

/// Hosts a request could be pointed at: every cloud's Resource Manager, the older
/// `management.core` hosts, look-alikes, other schemes and ports, this machine.
fn hosts() -> Vec<String> {
    let mut hosts: Vec<String> = Cloud::ALL
        .iter()
        .map(|c| c.arm_endpoint().to_owned())
        .collect();
    hosts.extend(
        [
            "https://management.core.windows.net",
            "https://management.azure.com.evil.example",
            "https://management.azure.com@evil.example",
            "https://evil.example/https://management.azure.com",
            "https://evil.example",
            "http://management.azure.com",
            "https://management.azure.com:8443",
            "https://management.usgovcloudapi.net.evil.example",
            "http://127.0.0.1:4567",
            "http://localhost:4567",
            "https://graph.microsoft.com",
        ]
        .map(str::to_owned),
    );
    hosts
}

/// Where requests may be meant to go: each cloud, a test server on this machine, and an
/// endpoint made up in code that no parser accepted (it must not open a way around the rule).
fn endpoints() -> Vec<ArmEndpoint> {
    let mut endpoints: Vec<ArmEndpoint> = Cloud::ALL.into_iter().map(ArmEndpoint::Cloud).collect();
    endpoints.push(ArmEndpoint::new(
        Cloud::AzureCloud,
        Some("http://127.0.0.1:4567"),
    ));
    endpoints.push(ArmEndpoint::Custom("https://evil.example".into()));
    endpoints.push(ArmEndpoint::Custom(
        "https://management.azure.com.evil.example".into(),
    ));
    endpoints
}

#[test]
fn a_public_cloud_token_is_never_sent_to_any_other_host() {
    let mut allowed = 0;
    for cloud in Cloud::ALL {
        for audience in cloud_audiences(cloud) {
            let token = jwt(&audience);
            for endpoint in endpoints() {
                for host in hosts() {
                    let plan_request = HttpRequest::from_arm(&read(PATH), &host, &token);
                    let poll = HttpRequest::get(
                        &format!("{host}{PATH}/operations/1?api-version=2024-10-01"),
                        &token,
                    );
                    let right_place =
                        endpoint == ArmEndpoint::Cloud(cloud) && host == cloud.arm_endpoint();
                    for request in [plan_request, poll] {
                        let url = request.url.clone();
                        let verdict = check(request, &endpoint);
                        assert_eq!(
                            verdict.is_ok(),
                            right_place,
                            "a token for {audience} to {url} with the endpoint {endpoint:?}: {verdict:?}"
                        );
                        allowed += usize::from(verdict.is_ok());
                    }
                }
            }
        }
    }
    // Each cloud's six audience forms, to its own Resource Manager, as a plan request and a poll.
    assert_eq!(allowed, 3 * 6 * 2);
}

#[test]
fn a_test_endpoint_gets_only_a_token_minted_for_it() {
    let endpoint = ArmEndpoint::new(Cloud::AzureCloud, Some("http://127.0.0.1:4567/namespace"));
    let url_base = "http://127.0.0.1:4567/namespace";
    let send = |audience: &str| {
        check(
            HttpRequest::from_arm(&read(PATH), url_base, &jwt(audience)),
            &endpoint,
        )
    };
    assert!(send("http://127.0.0.1:4567/").is_ok());
    assert!(send("http://127.0.0.1:4567").is_ok());
    for audience in [
        "https://management.azure.com/",
        "https://management.core.windows.net/",
        "http://127.0.0.1:9999/",
        "http://localhost:4567/",
        "https://127.0.0.1:4567/",
        "http://user@127.0.0.1:4567/",
        "",
    ] {
        let refusal = send(audience).unwrap_err();
        assert!(
            refusal.starts_with("Not sent: the token is for")
                && refusal.contains("takes only a token for http://127.0.0.1:4567/"),
            "{audience}: {refusal}"
        );
    }
    // Not beside the namespace's path, not to another port.
    let token = jwt("http://127.0.0.1:4567/");
    for base in ["http://127.0.0.1:4567", "http://127.0.0.1:4568/namespace"] {
        assert!(check(HttpRequest::from_arm(&read(PATH), base, &token), &endpoint).is_err());
    }
}

#[test]
fn the_test_endpoint_is_on_this_machine_only() {
    for (typed, kept) in [
        ("http://127.0.0.1:4567", "http://127.0.0.1:4567"),
        ("  HTTP://LocalHost:8080/Ns/ ", "http://localhost:8080/Ns"),
        ("https://localhost", "https://localhost"),
        (
            "http://127.0.0.1:4567/a-b_c.d~e",
            "http://127.0.0.1:4567/a-b_c.d~e",
        ),
    ] {
        assert_eq!(parse_custom_endpoint(typed).as_deref(), Ok(kept), "{typed}");
    }
    for refused in [
        "https://management.azure.com.evil.example",
        "https://management.azure.com",
        "https://management.local.azurestack.external",
        "http://10.0.0.1:8080",
        "http://127.0.0.2:8080",
        "http://127.0.0.1.example:8080",
        "http://localhost.evil.example",
        "http://user@127.0.0.1:8080",
        "http://127.0.0.1@evil.example",
        "http://[::1]:8080",
        "ftp://127.0.0.1",
        "127.0.0.1:8080",
        "http://127.0.0.1:0",
        "http://127.0.0.1:99999",
        "http://127.0.0.1:80x",
        "http://127.0.0.1:8080/../x",
        "http://127.0.0.1:8080//x",
        "http://127.0.0.1:8080/x?y",
        "http://127.0.0.1:8080/x#y",
        "http://127.0.0.1:8080\\@evil.example",
        "",
    ] {
        let message = parse_custom_endpoint(refused).unwrap_err();
        assert!(
            message.starts_with("The custom endpoint is only for a test server on this machine"),
            "{refused}: {message}"
        );
        // A stored value that is refused is never used: requests go to the cloud.
        assert_eq!(
            ArmEndpoint::new(Cloud::AzureUSGovernment, Some(refused)),
            ArmEndpoint::Cloud(Cloud::AzureUSGovernment)
        );
    }
}

#[test]
fn a_pasted_bearer_prefix_is_stripped_and_only_a_jwt_is_sent_once() {
    let token = jwt("https://management.azure.com/");
    for pasted in [
        token.clone(),
        format!("Bearer {token}"),
        format!("bearer {token}"),
        format!("  BEARER     {token}\n"),
        format!("Bearer\t{token}"),
    ] {
        assert_eq!(bare_jwt(&pasted), Some(token.as_str()), "{pasted:?}");
        let sent = HttpRequest::from_arm(
            &read(PATH),
            Cloud::AzureCloud.arm_endpoint(),
            bare_jwt(&pasted).unwrap(),
        );
        assert_eq!(
            sent.headers[0],
            ("Authorization", format!("Bearer {token}"))
        );
        assert!(check(sent, &ArmEndpoint::Cloud(Cloud::AzureCloud)).is_ok());
    }
    for refused in [
        format!("Bearer Bearer {token}"),
        format!("Authorization: Bearer {token}"),
        format!("\"{token}\""),
        format!("{token}="),
        format!("{token}.x"),
        format!("{token}\nX-Other: 1"),
        format!("{token} {token}"),
        "a.b".to_owned(),
        "a..c".to_owned(),
        "a.b.".to_owned(),
        "Bearer".to_owned(),
        String::new(),
    ] {
        assert_eq!(bare_jwt(&refused), None, "{refused:?}");
    }
    // The gate refuses a doubled prefix or a second Authorization header, whoever built them.
    let endpoint = ArmEndpoint::Cloud(Cloud::AzureCloud);
    let doubled = HttpRequest::from_arm(
        &read(PATH),
        Cloud::AzureCloud.arm_endpoint(),
        &format!("Bearer {token}"),
    );
    assert_eq!(
        doubled.headers[0].1,
        format!("Bearer Bearer {token}"),
        "what the page used to send"
    );
    assert!(check(doubled, &endpoint)
        .unwrap_err()
        .contains("carry the token once"));
    let mut twice = HttpRequest::from_arm(&read(PATH), Cloud::AzureCloud.arm_endpoint(), &token);
    twice
        .headers
        .push(("authorization", format!("Bearer {token}")));
    assert!(check(twice, &endpoint).is_err());
}

#[test]
fn the_request_builder_refuses_dot_segments_and_paths_outside_subscriptions() {
    assert_eq!(check_path(PATH), Ok(()));
    for refused in [
        "/providers/Microsoft.Authorization/roleDefinitions",
        "subscriptions/x",
        "/subscriptions/",
        "/Subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91",
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/../privateDnsZoneGroups/default",
        "/subscriptions/s/resourceGroups/./x",
        "/subscriptions/s/resourceGroups/%2e%2E/x",
        "/subscriptions/s/resourceGroups/.%2e/x",
        "/subscriptions/s/resourceGroups/rg/..",
        "/subscriptions/s//rg",
        "/subscriptions/s/rg/",
        "/subscriptions/s/rg\\..\\x",
        "/subscriptions/s/.\t./x",
        "/subscriptions/s/rg?x=1",
        "/subscriptions/s/rg#x",
    ] {
        let message = check_path(refused).expect_err(refused);
        assert!(!message.chars().any(char::is_control), "{message:?}");
        // The gate sees URLs: as a plan request (the path percent-encoded, which turns `%`,
        // `?`, `#`, `\` and a tab into plain name characters) and as a URL handed back by ARM
        // (a query is no part of the path there).
        let endpoint = ArmEndpoint::Cloud(Cloud::AzureCloud);
        let token = jwt("https://management.azure.com/");
        let built = HttpRequest::from_arm(&read(refused), endpoint.base(), &token);
        let raw = HttpRequest::get(&format!("{}{refused}", endpoint.base()), &token);
        if !refused.contains(['%', '?', '#', '\\', '\t']) {
            assert!(check(built, &endpoint).is_err(), "{refused:?} built");
        }
        if !refused.contains(['?', '#']) {
            assert!(check(raw, &endpoint).is_err(), "{refused:?} as a URL");
        }
    }
    // Names that merely hold periods are not dot segments.
    assert_eq!(
        check_path("/subscriptions/s/resourceGroups/rg.a..b/providers/x/y/z.."),
        Ok(())
    );
}

#[test]
fn load_from_azure_reads_only_a_resource_named_like_the_target_step_allows() {
    let target = |subscription: &str, group: &str, name: &str| TargetDraft {
        subscription_id: subscription.into(),
        resource_group: group.into(),
        name: name.into(),
        ..TargetDraft::default()
    };
    let sub = "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91";
    let read = resource_read(&target(sub, "rg-speech", "contoso-speech")).unwrap();
    assert_eq!(
        read.path,
        format!("/subscriptions/{sub}/resourceGroups/rg-speech/providers/Microsoft.CognitiveServices/accounts/contoso-speech")
    );
    assert_eq!(check_path(&read.path), Ok(()));
    for (subscription, group, name, problem) in [
        ("..", "rg", "contoso", "not a valid GUID"),
        ("not-a-guid", "rg", "contoso", "not a valid GUID"),
        (sub, "..", "contoso", "ends with a period"),
        (sub, ".", "contoso", "ends with a period"),
        (sub, "rg/../other", "contoso", "contains '/'"),
        (sub, "rg", "..", "must start with a letter or digit"),
        (sub, "rg", "a/../../b", "contains '/'"),
        (sub, "rg", "kv;Start-Process calc;#", "contains ';'"),
        (sub, "rg", "", "Enter the account name"),
    ] {
        let message = resource_read(&target(subscription, group, name)).unwrap_err();
        assert!(
            message.starts_with("Fix the Target step first") && message.contains(problem),
            "{subscription} {group} {name}: {message}"
        );
    }
}

#[test]
fn a_request_without_an_answer_is_described_by_its_method_and_host_only() {
    let url = format!("https://management.azure.com{PATH}?api-version=2024-10-01");
    let message = no_answer_message("PATCH", &url);
    assert_eq!(
        message,
        "PATCH to management.azure.com got no answer: the network, CORS or the page's Content-Security-Policy stopped it"
    );
    assert!(!message.contains("subscriptions") && !message.contains("api-version"));
    assert_eq!(
        no_answer_message("GET", "http://127.0.0.1:4567/ns/subscriptions/x"),
        "GET to 127.0.0.1:4567 got no answer: the network, CORS or the page's Content-Security-Policy stopped it"
    );
    // Nothing odd from the URL is echoed either.
    assert!(no_answer_message("GET", "https://a b<script>/x").contains("GET to the endpoint got"));
}

/// Answers every request 200 with a settled resource, and keeps what was sent.
struct Accepting {
    sent: Vec<HttpRequest>,
}

impl Transport for Accepting {
    fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        self.sent.push(request.clone());
        Ok(HttpResponse {
            status: 200,
            headers: Vec::new(),
            body: json!({ "properties": { "provisioningState": "Succeeded", "publicNetworkAccess": "Disabled" } })
                .to_string(),
        })
    }
    fn wait(&mut self, _: u32) {}
    fn confirm(&mut self, _: &StepRun, _: &str) -> bool {
        true
    }
}

#[test]
fn the_executor_sends_no_request_whose_path_has_a_dot_segment() {
    let draft = fixture("private-endpoint-remove-reopen-public-access");
    let mut config = assert_no_error(&draft);
    // Past validation, as a configuration built in code could be.
    config.private_endpoints.as_mut().unwrap().removals[0].name = "..".into();
    let mut executor = Executor::new(plan(&config), Cloud::AzureCloud.arm_endpoint());
    let mut arm = Accepting { sent: Vec::new() };
    let outcome = run(
        &mut executor,
        &jwt("https://management.azure.com/"),
        &mut arm,
    );
    let Outcome::Failed { step } = outcome else {
        panic!("{outcome:?}: {:#?}", executor.steps)
    };
    let StepStatus::Failed(failure) = &executor.steps[step].status else {
        panic!("{:#?}", executor.steps[step])
    };
    assert_eq!(failure.code, "NotSent");
    assert!(
        failure.message.contains("/privateEndpoints/..") && failure.message.contains("dot segment"),
        "{}",
        failure.message
    );
    assert!(
        arm.sent.iter().all(|r| !r.url.contains("/..")),
        "sent: {:?}",
        arm.sent.iter().map(|r| &r.url).collect::<Vec<_>>()
    );
}

#[test]
fn a_refused_path_is_shown_with_what_cannot_be_seen_written_out() {
    let message = check_path("/subscriptions/s/rg\tx\n/y z").unwrap_err();
    assert!(
        message.contains("the path /subscriptions/s/rg\\u{9}x\\u{a}/y z holds"),
        "{message}"
    );
}
