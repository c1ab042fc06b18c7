//! The local ARM fake (`tests/arm_fake/arm_fake.py`) as a child process: start it, load a seed
//! per namespace, read its state and request log. It stops when this handle is dropped (its
//! standard input closes).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

pub struct ArmFake {
    child: Child,
    pub port: u16,
    pub token: String,
}

impl ArmFake {
    /// Starts the fake on a free port of 127.0.0.1, accepting only `token`.
    pub fn start(token: &str) -> ArmFake {
        Self::spawn(&["--token", token], token)
    }

    /// Starts the fake accepting any bearer token that its namespaces' checks pass (a JWT for
    /// the right audience, not expired).
    pub fn start_checking_tokens() -> ArmFake {
        Self::spawn(&[], "")
    }

    fn spawn(args: &[&str], token: &str) -> ArmFake {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/arm_fake/arm_fake.py");
        let mut child = Command::new("python3")
            .arg(&script)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "python3 {}: {e} (run scripts/ensure-tools.sh test)",
                    script.display()
                )
            });
        let mut first_line = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut first_line)
            .expect("the fake prints its address");
        let port = first_line
            .trim()
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("the fake did not start: {first_line:?}"));
        ArmFake {
            child,
            port,
            token: token.to_owned(),
        }
    }

    /// The audience of a token minted for this fake (its origin): the only one it accepts
    /// unless a namespace names others, as the page sends a test endpoint no other token.
    pub fn audience(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// The value for `@armEndpoint` that reaches this namespace.
    pub fn endpoint(&self, namespace: &str) -> String {
        format!("http://127.0.0.1:{}/{namespace}", self.port)
    }

    pub fn load(&self, namespace: &str, seed: &Value) {
        let (status, _) = self.request(
            "PUT",
            &format!(
                "/_fake/ns/{}",
                ai_network_wizard::core::quote::url_path(namespace)
            ),
            None,
            Some(seed),
        );
        assert_eq!(status, 200, "loading namespace {namespace}");
    }

    /// Changes what a namespace does besides keeping state (tests/arm_fake/scenario.py):
    /// token checks, long-running operations, exposed headers, faults.
    pub fn scenario(&self, namespace: &str, settings: &Value) {
        let (status, _) = self.request(
            "PUT",
            &format!(
                "/_fake/ns/{}/scenario",
                ai_network_wizard::core::quote::url_path(namespace)
            ),
            None,
            Some(settings),
        );
        assert_eq!(status, 200, "scenario of namespace {namespace}");
    }

    /// Every resource of a namespace, by ID as seeded or created.
    pub fn state(&self, namespace: &str) -> Value {
        self.request(
            "GET",
            &format!(
                "/_fake/ns/{}/state",
                ai_network_wizard::core::quote::url_path(namespace)
            ),
            None,
            None,
        )
        .1
    }

    /// The requests the namespace answered: method, path, status, code, changed.
    pub fn log(&self, namespace: &str) -> Vec<Value> {
        let log = self
            .request(
                "GET",
                &format!(
                    "/_fake/ns/{}/log",
                    ai_network_wizard::core::quote::url_path(namespace)
                ),
                None,
                None,
            )
            .1;
        log["requests"].as_array().cloned().unwrap_or_default()
    }

    /// The User-Agent of [`Self::arm_get`], so that a log can tell those reads apart.
    pub const READER_AGENT: &'static str = "current-state-reader";

    /// An authenticated ARM GET in a namespace (how a person reads the current settings).
    pub fn arm_get(&self, namespace: &str, path: &str, api_version: &str) -> (u16, Value) {
        let token = self.token.clone();
        let url = format!(
            "/{}{}?api-version={api_version}",
            ai_network_wizard::core::quote::url_path(namespace),
            ai_network_wizard::core::quote::url_path(path)
        );
        self.request("GET", &url, Some(&token), None)
    }

    /// An authenticated ARM write in a namespace with extra headers (`If-Match`, …).
    pub fn arm_write(
        &self,
        namespace: &str,
        method: &str,
        path: &str,
        api_version: &str,
        headers: &[(&str, &str)],
        body: &Value,
    ) -> (u16, Value) {
        let token = self.token.clone();
        let url = format!(
            "/{}{}?api-version={api_version}",
            ai_network_wizard::core::quote::url_path(namespace),
            ai_network_wizard::core::quote::url_path(path)
        );
        let extra: String = headers
            .iter()
            .map(|(k, v)| format!("{k}: {v}\r\n"))
            .collect();
        self.send(method, &url, Some(&token), &extra, Some(body))
    }

    fn request(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> (u16, Value) {
        self.send(method, path, token, "", body)
    }

    fn send(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        extra_headers: &str,
        body: Option<&Value>,
    ) -> (u16, Value) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("the fake listens");
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let auth = token
            .map(|t| format!("Authorization: Bearer {t}\r\n"))
            .unwrap_or_default();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: {}\r\nConnection: close\r\n{auth}{extra_headers}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            Self::READER_AGENT,
            body.len()
        )
        .expect("request written");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("answer read");
        let (head, content) = answer.split_once("\r\n\r\n").expect("an HTTP answer");
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status code");
        (status, serde_json::from_str(content).unwrap_or(Value::Null))
    }
}

impl Drop for ArmFake {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}
