//! Every Az cmdlet call of every generated Azure PowerShell script, judged by the Az modules'
//! own help: `tests/contracts/az-cmdlets.json` transcribes each cmdlet's parameter sets,
//! mandatory parameters, types, positions, pipeline input and aliases from the help files of
//! Azure/azure-powershell (each entry names its source file). A call must name an existing
//! cmdlet, use parameters it has (full names, aliases, or unambiguous prefixes, as PowerShell
//! binds them), and satisfy one parameter set: every parameter it passes belongs to that set,
//! and every mandatory one of the set is passed, given by position, or comes down the pipeline.
//!
//! The calls come from the tree-sitter-powershell parse tree; a splatted hashtable
//! (`@newAccount`) passes its keys.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::Value;

use ai_network_wizard::core::render::OutputTarget;

use crate::support::{corpus_of, node_text, nodes, parse_powershell, powershell_invocations};

/// PowerShell's common parameters (in Windows PowerShell 5.1) and their aliases: every cmdlet has them.
const COMMON_PARAMETERS: &[(&str, &[&str])] = &[
    ("Verbose", &["vb"]),
    ("Debug", &["db"]),
    ("ErrorAction", &["ea"]),
    ("WarningAction", &["wa"]),
    ("InformationAction", &["infa"]),
    ("ErrorVariable", &["ev"]),
    ("WarningVariable", &["wv"]),
    ("InformationVariable", &["iv"]),
    ("OutVariable", &["ov"]),
    ("OutBuffer", &["ob"]),
    ("PipelineVariable", &["pv"]),
];

fn contract() -> &'static Value {
    static CONTRACT: OnceLock<Value> = OnceLock::new();
    CONTRACT.get_or_init(|| {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/contracts/az-cmdlets.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    })
}

/// One cmdlet call: its name, its words (parameters and values), and whether something is
/// piped into it.
#[derive(Debug)]
pub struct CmdletCall {
    pub name: String,
    pub words: Vec<String>,
    pub piped: bool,
    pub line: usize,
}

/// The Az cmdlet calls of a PowerShell script.
pub fn cmdlet_calls(script: &str) -> Vec<CmdletCall> {
    let tree = parse_powershell(script);
    // A command after a `|` receives pipeline input.
    let piped: HashSet<(usize, String)> = nodes(&tree)
        .into_iter()
        .filter(|n| n.kind() == "command")
        .filter(|n| n.prev_sibling().is_some_and(|p| p.kind() == "|"))
        .filter_map(|n| {
            let mut cursor = n.walk();
            let name = n
                .children(&mut cursor)
                .find(|c| c.kind() == "command_name")?;
            Some((
                n.start_position().row + 1,
                node_text(name, script).to_owned(),
            ))
        })
        .collect();
    powershell_invocations(script)
        .into_iter()
        .filter(|i| i.program != "az")
        .map(|i| CmdletCall {
            piped: piped.contains(&(i.line, i.program.clone())),
            name: i.program,
            words: i.words,
            line: i.line,
        })
        .collect()
}

/// Resolves a written parameter to the cmdlet's parameter name (or a common parameter's).
fn resolve_parameter(cmdlet: &Value, written: &str) -> Result<String, String> {
    let mut names: Vec<(String, String)> = Vec::new(); // (spelling, canonical)
    for (parameter, aliases) in cmdlet["aliases"].as_object().unwrap() {
        names.push((parameter.clone(), parameter.clone()));
        for alias in aliases.as_array().unwrap() {
            names.push((alias.as_str().unwrap().to_owned(), parameter.clone()));
        }
    }
    for set in cmdlet["parameter_sets"].as_object().unwrap().values() {
        for parameter in set.as_object().unwrap().keys() {
            names.push((parameter.clone(), parameter.clone()));
        }
    }
    for (parameter, aliases) in COMMON_PARAMETERS {
        names.push(((*parameter).to_owned(), (*parameter).to_owned()));
        for alias in *aliases {
            names.push(((*alias).to_owned(), (*parameter).to_owned()));
        }
    }
    if let Some((_, canonical)) = names.iter().find(|(s, _)| s.eq_ignore_ascii_case(written)) {
        return Ok(canonical.clone());
    }
    let matches: HashSet<&String> = names
        .iter()
        .filter(|(s, _)| {
            s.len() > written.len() && s[..written.len()].eq_ignore_ascii_case(written)
        })
        .map(|(_, c)| c)
        .collect();
    match matches.len() {
        1 => Ok(matches.into_iter().next().unwrap().clone()),
        0 => Err(format!("has no parameter -{written}")),
        _ => {
            let mut list: Vec<&String> = matches.into_iter().collect();
            list.sort();
            Err(format!("-{written} is ambiguous: {list:?}"))
        }
    }
}

fn is_switch(cmdlet: &Value, parameter: &str) -> bool {
    cmdlet["parameter_sets"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|set| set.get(parameter))
        .any(|p| {
            p["type"]
                .as_str()
                .unwrap_or_default()
                .ends_with("SwitchParameter")
        })
}

/// Ok, or why the call matches no cmdlet, parameter or parameter set of the contract.
pub fn check_call(call: &CmdletCall) -> Result<(), String> {
    let cmdlets = contract()["cmdlets"].as_object().unwrap();
    let Some((_, cmdlet)) = cmdlets
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(&call.name))
    else {
        return Err(format!("{} is not an Az cmdlet in the contract", call.name));
    };

    // Named parameters (with their values) and positional values.
    let mut named: Vec<String> = Vec::new();
    let mut positional = 0usize;
    let mut words = call.words.iter().peekable();
    while let Some(word) = words.next() {
        let Some(written) = word.strip_prefix('-').filter(|w| !w.is_empty()) else {
            positional += 1;
            continue;
        };
        let (written, inline_value) = match written.split_once(':') {
            Some((name, _)) => (name, true),
            None => (written, false),
        };
        let parameter = resolve_parameter(cmdlet, written)?;
        if !inline_value && !is_switch(cmdlet, &parameter) {
            // Its value; a splatted key comes without one.
            if words.peek().is_some_and(|next| !next.starts_with('-')) {
                words.next();
            }
        }
        if named.contains(&parameter) {
            return Err(format!("passes -{parameter} twice"));
        }
        named.push(parameter);
    }
    let common: Vec<&str> = COMMON_PARAMETERS.iter().map(|(p, _)| *p).collect();
    named.retain(|p| !common.contains(&p.as_str()));

    let mut reasons = Vec::new();
    for (set_name, set) in cmdlet["parameter_sets"].as_object().unwrap() {
        let set = set.as_object().unwrap();
        if let Some(outside) = named.iter().find(|p| !set.contains_key(*p)) {
            reasons.push(format!("{set_name}: -{outside} is not in it"));
            continue;
        }
        // Unnamed values bind to the set's positional parameters, in position order.
        let mut by_position: Vec<(u64, &String)> = set
            .iter()
            .filter(|(p, _)| !named.contains(p))
            .filter_map(|(p, d)| d["position"].as_u64().map(|n| (n, p)))
            .collect();
        by_position.sort();
        if positional > by_position.len() {
            reasons.push(format!("{set_name}: too many positional values"));
            continue;
        }
        let bound: Vec<&String> = by_position
            .iter()
            .take(positional)
            .map(|(_, p)| *p)
            .collect();
        let mut missing: Vec<&String> = set
            .iter()
            .filter(|(p, d)| {
                d["mandatory"].as_bool() == Some(true) && !named.contains(p) && !bound.contains(p)
            })
            .map(|(p, _)| p)
            .collect();
        if call.piped {
            // Pipeline input fills one parameter that takes it.
            let takes_pipeline = |p: &&String| {
                set[p.as_str()]["pipeline"]
                    .as_array()
                    .is_some_and(|a| !a.is_empty())
            };
            if let Some(index) = missing.iter().position(takes_pipeline) {
                missing.remove(index);
            } else if !set.iter().any(|(p, d)| {
                !named.contains(p) && d["pipeline"].as_array().is_some_and(|a| !a.is_empty())
            }) {
                reasons.push(format!("{set_name}: takes no pipeline input"));
                continue;
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        reasons.push(format!("{set_name}: mandatory {missing:?} not passed"));
    }
    Err(format!("matches no parameter set ({})", reasons.join("; ")))
}

#[test]
fn every_az_cmdlet_call_satisfies_a_parameter_set_of_the_az_help() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for rendered in corpus_of(OutputTarget::PowerShell) {
        let calls = cmdlet_calls(&rendered.text);
        assert!(
            !calls.is_empty(),
            "{}: no cmdlet call found",
            rendered.label()
        );
        for call in calls {
            checked += 1;
            if let Err(why) = check_call(&call) {
                failures.push(format!(
                    "{} line {}: {} {}\n  {why}",
                    rendered.label(),
                    call.line,
                    call.name,
                    call.words.join(" ")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} cmdlet calls fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn broken_cmdlet_calls_are_refused() {
    let script = r#"$ErrorActionPreference = 'Stop'
Get-AzCognitiveServiceAccount -ResourceGroupName $ResourceGroup -Name $AccountName
Set-AzCognitiveServicesAccount -ResourceGroupName $ResourceGroup -Name $AccountName -CustomDomainName $CustomSubdomain -Force
$newAccount = @{
    ResourceGroupName = $ResourceGroup
    Name = $AccountName
    SkuName = $SkuName
    Location = $Location
}
New-AzCognitiveServicesAccount @newAccount
Set-AzContext -Subscription $SubscriptionId -Context $context
Get-AzResourceProvider -P 'Microsoft.CognitiveServices'
Set-AzVirtualNetwork
$vnet | Set-AzVirtualNetwork | Out-Null
Set-AzContext $SubscriptionId -ErrorAction Stop | Out-Null
New-AzRoleAssignment -PrincipalId $principalId -RoleDefinitionName 'Storage Blob Data Contributor' -Scope $StorageAccountId
"#;
    let verdicts: Vec<(usize, Result<(), String>)> = cmdlet_calls(script)
        .iter()
        .map(|c| (c.line, check_call(c)))
        .collect();
    let refused = |line: usize, needle: &str| {
        let verdict = verdicts
            .iter()
            .find(|(l, _)| *l == line)
            .unwrap_or_else(|| panic!("no call at line {line}: {verdicts:#?}"));
        assert!(
            verdict.1.as_ref().is_err_and(|e| e.contains(needle)),
            "line {line} should be refused with {needle:?}: {verdict:?}"
        );
    };
    refused(2, "not an Az cmdlet");
    refused(3, "has no parameter -CustomDomainName");
    refused(10, "mandatory [\"Type\"] not passed");
    refused(11, "matches no parameter set");
    refused(12, "ambiguous");
    refused(13, "mandatory [\"VirtualNetwork\"] not passed");
    // Piped input, a positional value, a common parameter and aliases are accepted.
    for line in [14, 15, 16] {
        assert_eq!(
            verdicts
                .iter()
                .find(|(l, _)| *l == line)
                .map(|(_, v)| v.clone()),
            Some(Ok(())),
            "line {line}"
        );
    }
}
