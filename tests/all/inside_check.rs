//! The check to run from inside the network (issue 29, part 3): parsed and checked like the
//! scripts (bash -n, shellcheck, tree-sitter, the bash 3.2 and PowerShell 5.1 construct lists),
//! and the bash check run against stand-ins for nslookup and curl: a private answer and an
//! HTTP 401 pass, a public answer, a 403 from the firewall and no connection fail, each with
//! its line and a non-zero exit.

use std::path::Path;
use std::process::Command;

use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::render::inside_check::inside_checks;
use ai_network_wizard::core::render::RenderContext;

use crate::shell_compat::{bash_findings, powershell_findings};
use crate::support::{fixture, parse_bash, parse_powershell, syntax_problems};

fn checks(name: &str) -> [String; 2] {
    let plan = generate(&fixture(name)).plan.expect("a plan");
    inside_checks(
        &plan,
        &RenderContext::with_link("2026-12-07", String::new()),
    )
    .expect("an account has hosts to check")
}

#[test]
fn the_checks_parse_and_use_nothing_the_oldest_shells_lack() {
    for name in [
        "ai-services-private-endpoint-three-zones",
        "speech-byos-custom-domain-network-rules",
    ] {
        let [bash, powershell] = checks(name);
        assert!(
            syntax_problems(&parse_bash(&bash), &bash).is_empty(),
            "{name}: {bash}"
        );
        assert!(
            syntax_problems(&parse_powershell(&powershell), &powershell).is_empty(),
            "{name}: {powershell}"
        );
        assert_eq!(bash_findings(&bash), Vec::new(), "{name}");
        assert_eq!(powershell_findings(&powershell), Vec::new(), "{name}");
        assert!(!bash.contains("{{") && !powershell.contains("{{"), "{name}");
        let dir =
            std::env::temp_dir().join(format!("inside-check-sc-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("check.sh");
        std::fs::write(&file, &bash).unwrap();
        let shellcheck = Command::new("shellcheck")
            .args(["--shell=bash", "--severity=style"])
            .arg(&file)
            .output()
            .expect("shellcheck is installed");
        let syntax = Command::new("bash").arg("-n").arg(&file).output().unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            shellcheck.status.success() && syntax.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&shellcheck.stdout),
            String::from_utf8_lossy(&syntax.stderr)
        );
    }
}

#[test]
fn a_private_endpoint_plan_checks_each_host_for_a_private_address() {
    let [bash, powershell] = checks("ai-services-private-endpoint-three-zones");
    for host in [
        "contoso-foundry.cognitiveservices.azure.com",
        "contoso-foundry.openai.azure.com",
        "contoso-foundry.services.ai.azure.com",
    ] {
        assert!(bash.contains(&format!("check_host '{host}' yes")), "{bash}");
        assert!(
            powershell.contains(&format!(
                "Test-InsideHost -HostName '{host}' -ExpectPrivate $true"
            )),
            "{powershell}"
        );
    }
    let [rules_only, _] = checks("speech-byos-custom-domain-network-rules");
    assert!(
        rules_only.contains("check_host 'contoso-speech-private.cognitiveservices.azure.com' no")
    );
}

/// Runs the bash check with stand-ins: `nslookup` answers `address` for every name, `curl`
/// answers `status` with `body` (status 000: no connection).
fn run(bash: &str, address: &str, status: &str, body: &str) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!(
        "inside-check-run-{}-{address}-{status}",
        std::process::id()
    ));
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let write = |name: &str, text: String| {
        let path = bin.join(name);
        std::fs::write(&path, text).unwrap();
        Command::new("chmod").arg("+x").arg(&path).status().unwrap();
    };
    write(
        "nslookup",
        format!(
            "#!/bin/sh\nprintf 'Server:\\t\\t168.63.129.16\\nAddress:\\t168.63.129.16#53\\n\\nNon-authoritative answer:\\n%s\\tcanonical name = x.privatelink.example.\\nName:\\tx.privatelink.example\\nAddress: {address}\\n' \"$1\"\n"
        ),
    );
    // curl --silent --max-time 15 --output FILE --write-out '%{http_code}' URL
    write(
        "curl",
        format!(
            "#!/bin/sh\nout=''\nwhile [ $# -gt 0 ]; do case \"$1\" in --output) out=\"$2\"; shift ;; esac; shift; done\nprintf '%s' '{body}' > \"$out\"\nprintf '%s' '{status}'\n[ '{status}' != 000 ]\n"
        ),
    );
    let script = dir.join("check.sh");
    std::fs::write(&script, bash).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .arg(&script)
        .env("PATH", path)
        .env("TMPDIR", dir.to_str().unwrap())
        .output()
        .unwrap();
    let leftovers = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref().unwrap().path().is_file()
                && !Path::new(&e.as_ref().unwrap().path()).ends_with("check.sh")
        })
        .count();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(leftovers, 0, "the check leaves no temporary file");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn the_bash_check_passes_a_private_answer_and_fails_what_would_not_reach_the_resource() {
    let [bash, _] = checks("ai-services-private-endpoint-three-zones");
    let (code, out) = run(
        &bash,
        "10.1.2.4",
        "401",
        r#"{"error":{"code":"401","message":"Access denied due to missing subscription key."}}"#,
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("PASS ")).count(),
        3,
        "{out}"
    );
    assert!(
        out.contains(
            "PASS contoso-foundry.openai.azure.com: reached the resource at 10.1.2.4 (HTTP 401"
        ),
        "{out}"
    );

    let (code, out) = run(&bash, "20.50.1.2", "401", "");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL contoso-foundry.cognitiveservices.azure.com: resolves to 20.50.1.2, a public address"), "{out}");

    let (code, out) = run(
        &bash,
        "10.1.2.4",
        "403",
        r#"{"error":{"code":"403","message": "Access denied due to Virtual Network/Firewall rules."}}"#,
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("the resource's firewall refused the request (HTTP 403: Access denied due to Virtual Network/Firewall rules.)"), "{out}");

    let (code, out) = run(&bash, "10.1.2.4", "000", "");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("no connection on port 443 to 10.1.2.4"),
        "{out}"
    );

    // A public answer is right when no private endpoint is planned.
    let [rules_only, _] = checks("speech-byos-custom-domain-network-rules");
    let (code, out) = run(&rules_only, "20.50.1.2", "401", "");
    assert_eq!(code, 0, "{out}");
}

/// The command line gives the same checks: one shell with `--target check-bash` or
/// `check-powershell`, both beside the scripts with `--target all` (the `.ps1` with its
/// byte-order mark, like every `.ps1` written).
#[test]
fn the_command_line_renders_the_checks_as_the_page_does() {
    let config =
        crate::support::fixtures_dir().join("ai-services-private-endpoint-three-zones.json");
    let config = config.to_str().unwrap();
    let [bash, powershell] = checks("ai-services-private-endpoint-three-zones");
    let printed = |target: &str| {
        let out = crate::support::wizard_cli(&[
            "render",
            config,
            "--target",
            target,
            "--date",
            "2026-12-07",
        ]);
        assert!(
            out.status.success(),
            "{}",
            crate::support::text(&out.stderr)
        );
        crate::support::text(&out.stdout)
    };
    // The page's header carries the reopen link; the one above was made without it.
    let without_link = |text: String| -> String {
        text.lines()
            .filter(|l| !l.contains("reopen") && !l.starts_with("#   #v2="))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_link(printed("check-bash")), without_link(bash));
    assert_eq!(
        without_link(printed("check-powershell")),
        without_link(powershell)
    );
    let refused = crate::support::wizard_cli(&["render", config, "--target", "check-zsh"]);
    assert_eq!(refused.status.code(), Some(2));

    let dir = std::env::temp_dir().join(format!("inside-check-cli-{}", std::process::id()));
    let out = crate::support::wizard_cli(&[
        "render",
        config,
        "--target",
        "all",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        crate::support::text(&out.stderr)
    );
    let sh = std::fs::read_to_string(dir.join("check-from-inside.sh")).unwrap();
    let ps1 = std::fs::read_to_string(dir.join("check-from-inside.ps1")).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        sh.starts_with("#!/usr/bin/env bash")
            && sh.contains("check_host 'contoso-foundry.openai.azure.com' yes")
    );
    assert!(ps1.starts_with("\u{FEFF}#Requires -Version 5.1"));
}
