//! The `wizard-cli` command: file I/O and arguments around the pure core.

use std::path::Path;

use crate::core::config_file::from_config_json;
use crate::core::date::civil_date;
use crate::core::diagnostics::Severity;
use crate::core::generate::generate;
use crate::core::render::inside_check::{inside_check_files, inside_checks};
use crate::core::render::{OutputTarget, RenderContext};

pub const USAGE: &str = "usage:
  wizard-cli render CONFIG.json --target powershell|az-bash|az-powershell|rest|check-bash|check-powershell [--date YYYY-MM-DD] [--app-url URL]
  wizard-cli render CONFIG.json --target all --out DIR [--date YYYY-MM-DD] [--app-url URL]
      --rollback: the way back to the network settings the configuration's snapshot holds
  wizard-cli validate CONFIG.json
  wizard-cli import SHOW.json [--read-at YYYY-MM-DDTHH:MMZ]   (JSON of az cognitiveservices account show …)
  wizard-cli current-state CONFIG.json SHOW.json... [--read-at YYYY-MM-DDTHH:MMZ]   (prints CONFIG with the snapshot)
  wizard-cli check CONFIG.json (--from-ip IP | --from-subnet SUBNET_ID | --from-onprem-via VNET_ID | --trusted-service) [--host HOST] [--json]
      [--linked ZONE]... [--service-endpoint present|absent]
      who gets in: per host, how the name resolves and whether the request is allowed after the
      change (and before it, with a snapshot); exit 0 all allowed, 1 any refused, 2 bad input.
      --linked: a private DNS zone linked to the client's network besides the plan's links;
      --service-endpoint: whether the client's subnet has Microsoft.CognitiveServices
";

/// Runs the command; returns the exit code. Output goes to stdout, problems to stderr.
pub fn run(args: &[String]) -> u8 {
    match run_inner(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            2
        }
    }
}

/// The command line, read by `lexopt`: one command, its files, and the options that command
/// takes. Anything else (an unknown or misspelt flag, an option of another command, a missing
/// value) is refused with the usage, so nothing runs on a guess.
#[derive(Default)]
struct Invocation {
    command: String,
    files: Vec<String>,
    target: Option<String>,
    date: Option<String>,
    app_url: Option<String>,
    out: Option<String>,
    read_at: Option<String>,
    rollback: bool,
    help: bool,
    /// `check`: the client options as given (name, value), and the host and output wanted.
    clients: Vec<(String, Option<String>)>,
    host: Option<String>,
    json: bool,
    linked: Vec<String>,
    service_endpoint: Option<String>,
}

/// The options each command takes.
fn takes(command: &str, option: &str) -> bool {
    match command {
        "render" => matches!(option, "target" | "date" | "app-url" | "out" | "rollback"),
        "import" | "current-state" => option == "read-at",
        "check" => matches!(
            option,
            "from-ip"
                | "from-subnet"
                | "from-onprem-via"
                | "trusted-service"
                | "host"
                | "json"
                | "linked"
                | "service-endpoint"
        ),
        _ => false,
    }
}

fn parse(args: &[String]) -> Result<Invocation, String> {
    use lexopt::Arg::{Long, Short, Value};
    let refuse = |why: String| format!("{why}\n{USAGE}");
    let mut parser = lexopt::Parser::from_args(args.iter().cloned());
    let mut call = Invocation::default();
    while let Some(arg) = parser.next().map_err(|e| refuse(e.to_string()))? {
        let name = match arg {
            Value(value) => {
                let value = value
                    .into_string()
                    .map_err(|v| refuse(format!("not UTF-8: {}", v.to_string_lossy())))?;
                if call.command.is_empty() {
                    call.command = value;
                } else {
                    call.files.push(value);
                }
                continue;
            }
            Long("help") | Short('h') => {
                call.help = true;
                return Ok(call);
            }
            Long(name) => name.to_owned(),
            Short(letter) => return Err(refuse(format!("unknown option -{letter}"))),
        };
        if !matches!(
            call.command.as_str(),
            "render" | "validate" | "import" | "current-state" | "check"
        ) {
            return Err(refuse(if call.command.is_empty() {
                format!("--{name} before a command")
            } else {
                format!("unknown command {}", call.command)
            }));
        }
        if !takes(&call.command, &name) {
            return Err(refuse(format!(
                "unknown option --{name} for {}",
                call.command
            )));
        }
        match name.as_str() {
            "rollback" => {
                call.rollback = true;
                continue;
            }
            "json" if call.json => return Err(refuse("--json given twice".into())),
            "json" => {
                call.json = true;
                continue;
            }
            "trusted-service" => {
                call.clients.push((name, None));
                continue;
            }
            _ => {}
        }
        let value = parser
            .value()
            .map_err(|_| refuse(format!("--{name} needs a value")))?
            .into_string()
            .map_err(|v| refuse(format!("--{name}: not UTF-8: {}", v.to_string_lossy())))?;
        if name.starts_with("from-") {
            call.clients.push((name, Some(value)));
            continue;
        }
        if name == "linked" {
            call.linked.push(value);
            continue;
        }
        let slot = match name.as_str() {
            "host" => &mut call.host,
            "service-endpoint" => &mut call.service_endpoint,
            "target" => &mut call.target,
            "date" => &mut call.date,
            "app-url" => &mut call.app_url,
            "out" => &mut call.out,
            _ => &mut call.read_at,
        };
        if slot.replace(value).is_some() {
            return Err(refuse(format!("--{name} given twice")));
        }
    }
    let files_wanted = match call.command.as_str() {
        "render" | "validate" | "import" | "check" => 1..=1,
        "current-state" => 2..=usize::MAX,
        "" => return Err(USAGE.to_owned()),
        other => return Err(refuse(format!("unknown command {other}"))),
    };
    if !files_wanted.contains(&call.files.len()) {
        return Err(refuse(match call.command.as_str() {
            "current-state" => "current-state needs CONFIG.json and at least one SHOW.json".into(),
            command => format!("{command} takes one file, not {}", call.files.len()),
        }));
    }
    if call.command == "check" && call.clients.len() != 1 {
        return Err(refuse(format!(
            "check needs exactly one of --from-ip, --from-subnet, --from-onprem-via, --trusted-service (given {})",
            call.clients.len()
        )));
    }
    Ok(call)
}

fn run_inner(args: &[String]) -> Result<u8, String> {
    let call = parse(args)?;
    if call.help {
        print!("{USAGE}");
        return Ok(0);
    }
    let command = call.command.as_str();
    let config_path = &call.files[0];
    let text = std::fs::read_to_string(config_path)
        .map_err(|e| format!("cannot read {config_path}: {e}"))?;
    if command == "import" {
        let read_at = call.read_at.clone().unwrap_or_else(now_utc);
        return Ok(import(config_path, &text, &read_at));
    }
    let mut read = from_config_json(&text).map_err(|e| format!("{config_path}: {e}"))?;
    if command == "current-state" {
        return attach_current_state(&mut read, &call);
    }
    if command == "check" {
        return check(config_path, &read, &call);
    }
    let rollback = call.rollback;
    let draft = if rollback {
        match crate::core::rollback::rollback_draft(&read) {
            Ok(draft) => draft,
            Err(message) => {
                eprintln!("{config_path}: error: current_state: {message}");
                return Ok(1);
            }
        }
    } else {
        read.clone()
    };
    let generated = generate(&draft);
    let diagnostics = &generated.validation.diagnostics;
    let has_errors = generated.plan.is_none();
    let print_diagnostics = |all: bool| {
        for d in diagnostics
            .iter()
            .filter(|d| all || d.severity == Severity::Error)
        {
            let severity = severity_name(d.severity);
            let fix = d
                .fix
                .as_ref()
                .map(|f| format!(" (fix: {})", f.label))
                .unwrap_or_default();
            eprintln!("{config_path}: {severity}: {}: {}{fix}", d.field, d.message);
        }
    };
    match command {
        "validate" => {
            print_diagnostics(true);
            if has_errors {
                return Ok(1);
            }
            println!(
                "{config_path}: valid ({} steps)",
                generated.plan.as_ref().map_or(0, |p| p.steps.len())
            );
            Ok(0)
        }
        "render" => {
            let target = call
                .target
                .as_deref()
                .ok_or_else(|| format!("render needs --target\n{USAGE}"))?;
            let date = match &call.date {
                Some(d) if !is_date(d) => {
                    return Err(format!("--date {d}: expected YYYY-MM-DD\n{USAGE}"))
                }
                Some(d) => d.clone(),
                None => today(),
            };
            if has_errors {
                print_diagnostics(false);
                return Ok(1);
            }
            let app_address = call.app_url.as_deref();
            let mut context = RenderContext::for_draft(&date, app_address, &draft);
            if rollback {
                context.header_notes = crate::core::rollback::rollback_header(&read);
            }
            if target == "all" {
                let dir = call.out.as_deref().ok_or("--target all needs --out DIR")?;
                std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {dir}: {e}"))?;
                for t in OutputTarget::ALL {
                    let path = Path::new(dir).join(t.file_name());
                    let text = generated
                        .output(t, &context)
                        .expect("no errors, so a plan exists");
                    // A written file is a download: `.ps1` files get the same byte-order mark.
                    std::fs::write(&path, t.download_text(&text))
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    println!("wrote {}", path.display());
                }
                // The checks to run from inside the network, as the page's Download all.
                let plan = generated
                    .plan
                    .as_ref()
                    .expect("no errors, so a plan exists");
                let checks = inside_check_files(plan, &context).filter(|_| !rollback);
                for (name, text) in checks.into_iter().flatten() {
                    let path = Path::new(dir).join(name);
                    std::fs::write(&path, text)
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    println!("wrote {}", path.display());
                }
            } else if let Some(shell) = target.strip_prefix("check-") {
                if call.out.is_some() {
                    return Err(format!("--out goes with --target all\n{USAGE}"));
                }
                // The checks come as [bash, PowerShell].
                let index = ["bash", "powershell"]
                    .iter()
                    .position(|s| *s == shell)
                    .ok_or_else(|| format!("unknown target {target}\n{USAGE}"))?;
                let plan = generated
                    .plan
                    .as_ref()
                    .expect("no errors, so a plan exists");
                let checks = inside_checks(plan, &context).ok_or(
                    "no inside check for this resource type: the hosts its clients call are not in the wizard's tables",
                )?;
                print!("{}", checks[index]);
            } else {
                if call.out.is_some() {
                    return Err(format!("--out goes with --target all\n{USAGE}"));
                }
                let t = OutputTarget::from_id(target)
                    .ok_or_else(|| format!("unknown target {target}\n{USAGE}"))?;
                print!(
                    "{}",
                    generated
                        .output(t, &context)
                        .expect("no errors, so a plan exists")
                );
            }
            Ok(0)
        }
        other => Err(format!("unknown command {other}\n{USAGE}")),
    }
}

/// Prints the configuration file of an imported `show` output; notes and problems go to stderr.
fn import(path: &str, text: &str, read_at: &str) -> u8 {
    let print = |diagnostics: &[crate::core::diagnostics::Diagnostic]| {
        for d in diagnostics {
            let field = if d.field.is_empty() {
                "(whole file)"
            } else {
                &d.field
            };
            eprintln!(
                "{path}: {}: {field}: {}",
                severity_name(d.severity),
                d.message
            );
        }
    };
    match crate::core::import::import_show_json(text, read_at) {
        Ok(imported) => {
            print(&imported.notes);
            print!(
                "{}",
                crate::core::config_file::to_config_json(&imported.draft)
            );
            0
        }
        Err(problems) => {
            print(&problems);
            1
        }
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// Adds each `show` output (the account's, subnets') to the configuration's current-state
/// snapshot and prints the configuration; exit 1 with one line per part it cannot read.
fn attach_current_state(
    draft: &mut crate::core::draft::Draft,
    call: &Invocation,
) -> Result<u8, String> {
    // When the show outputs were printed; now, unless told.
    let read_at = call.read_at.clone().unwrap_or_else(now_utc);
    let target_id = generate(draft)
        .validation
        .config
        .map(|c| c.target.resource_id());
    let files = &call.files[1..];
    let mut failed = false;
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        match crate::core::current_state::import_pasted(
            draft.current_state.as_ref(),
            &text,
            &read_at,
            target_id.as_deref(),
        ) {
            Ok(mut state) => {
                state.source = "az … show".into();
                draft.current_state = Some(state);
            }
            Err(problems) => {
                failed = true;
                for problem in problems {
                    eprintln!("{path}: error: {problem}");
                }
            }
        }
    }
    if failed {
        return Ok(1);
    }
    print!("{}", crate::core::config_file::to_config_json(draft));
    Ok(0)
}

/// `check`: who gets in, per host. Exit 0 when every host is allowed after the change, 1 when
/// any is refused, 2 on bad input (the configuration's errors, a client that cannot be read).
fn check(
    config_path: &str,
    draft: &crate::core::draft::Draft,
    call: &Invocation,
) -> Result<u8, String> {
    use crate::core::reachability::{parse_public_ip, parse_vnet_id, reachability, Client, Query};
    use crate::core::subnet_id::SubnetId;
    let (option, value) = &call.clients[0];
    let value = value.as_deref().unwrap_or_default();
    let client = match option.as_str() {
        "from-ip" => {
            Client::PublicIp(parse_public_ip(value).map_err(|e| format!("--from-ip: {e}"))?)
        }
        "from-subnet" => {
            Client::Subnet(SubnetId::parse(value).map_err(|e| format!("--from-subnet: {e}"))?)
        }
        "from-onprem-via" => Client::OnPremises {
            forwards_to: Some(parse_vnet_id(value).map_err(|e| format!("--from-onprem-via: {e}"))?),
        },
        _ => Client::TrustedService,
    };
    let generated = generate(draft);
    let Some(plan) = generated.plan else {
        for d in generated
            .validation
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            eprintln!("{config_path}: error: {}: {}", d.field, d.message);
        }
        return Err(format!(
            "{config_path}: the configuration has errors: fix them (wizard-cli validate) before checking who gets in"
        ));
    };
    let service_endpoint = match call.service_endpoint.as_deref() {
        None => None,
        Some("present") => Some(true),
        Some("absent") => Some(false),
        Some(other) => {
            return Err(format!(
                "--service-endpoint {other}: say present or absent (whether the client's subnet has the Microsoft.CognitiveServices service endpoint)"
            ))
        }
    };
    if service_endpoint.is_some() && !matches!(client, Client::Subnet(_)) {
        return Err("--service-endpoint goes with --from-subnet".into());
    }
    if let Some(zone) = call
        .linked
        .iter()
        .find(|z| !z.to_ascii_lowercase().starts_with("privatelink."))
    {
        return Err(format!(
            "--linked {zone}: name a private DNS zone, for example privatelink.openai.azure.com"
        ));
    }
    if !call.linked.is_empty() && !matches!(client, Client::Subnet(_) | Client::OnPremises { .. }) {
        return Err("--linked goes with --from-subnet or --from-onprem-via".into());
    }
    let query = Query {
        client,
        linked_zones: call.linked.clone(),
        service_endpoint,
    };
    let answers = reachability(&plan, &query, call.host.as_deref())
        .map_err(|e| format!("{config_path}: {e}"))?;
    for answer in &answers {
        if call.json {
            println!("{}", crate::core::json_text::compact(&answer.to_json()));
        } else {
            println!("{}", answer.line());
        }
    }
    Ok(if answers.iter().all(|a| a.after.allowed) {
        0
    } else {
        1
    })
}

/// `YYYY-MM-DD` with digits where they belong (the date stamped in script headers).
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// `YYYY-MM-DDTHH:MMZ`, the snapshot's read time.
fn now_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let minutes = seconds / 60 % (24 * 60);
    format!(
        "{}T{:02}:{:02}Z",
        civil_date((seconds / 86_400) as i64),
        minutes / 60,
        minutes % 60
    )
}

fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date((seconds / 86_400) as i64)
}
