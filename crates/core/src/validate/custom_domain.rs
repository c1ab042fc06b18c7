use crate::config::CustomDomain;
use crate::diagnostics::Diagnostic;
use crate::draft::{Draft, Existence};
use crate::names;
use crate::resource_kinds::ResourceType;

pub(super) fn validate_custom_domain(
    draft: &Draft,
    out: &mut Vec<Diagnostic>,
) -> Option<CustomDomain> {
    let step = &draft.custom_domain;
    if !step.enabled {
        return None;
    }
    if draft.target.resource_type != ResourceType::CognitiveServices {
        out.push(Diagnostic::info(
            "custom_domain.enabled",
            "Custom subdomains apply to Cognitive Services accounts only: this step is not included for the chosen resource type.",
        ));
        return None;
    }
    if let Err(message) = names::check_custom_subdomain(&step.subdomain) {
        let mut error = Diagnostic::error("custom_domain.subdomain", message);
        // Most people name the subdomain after the resource: offer it when it qualifies.
        let suggestion = draft.target.name.to_ascii_lowercase();
        if step.subdomain.is_empty() && names::check_custom_subdomain(&suggestion).is_ok() {
            error = error.with_fix(format!("Use {suggestion}"), vec![suggestion]);
        }
        out.push(error);
        return None;
    }
    let subdomain = step.subdomain.to_ascii_lowercase();
    if subdomain != step.subdomain {
        out.push(Diagnostic::info(
            "custom_domain.subdomain",
            format!("Custom subdomains are case-insensitive: it will be \"{subdomain}\"."),
        ));
    }
    if draft.target.existence == Existence::Existing && !step.acknowledge_irreversible {
        out.push(Diagnostic::warning(
            "custom_domain.acknowledge_irreversible",
            "Not included yet: tick the acknowledgement that the custom subdomain can never be changed or removed.",
        ));
        return None;
    }
    Some(CustomDomain { subdomain })
}
