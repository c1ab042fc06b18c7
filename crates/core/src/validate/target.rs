use crate::cloud::Cloud;
use crate::config::{Resource, Target};
use crate::diagnostics::Diagnostic;
use crate::draft::{Existence, TargetDraft};
use crate::names;
use crate::resource_kinds::{kind_info, ResourceType};

pub(super) fn validate_target(draft: &TargetDraft, out: &mut Vec<Diagnostic>) -> Option<Target> {
    let mut ok = true;
    let mut check = |field: &str, result: Result<(), String>| {
        if let Err(message) = result {
            out.push(Diagnostic::error(field, message));
            ok = false;
        }
    };
    check(
        "target.subscription_id",
        names::check_guid(&draft.subscription_id, "subscription ID"),
    );
    check(
        "target.resource_group",
        names::check_resource_group(&draft.resource_group),
    );
    check("target.region", names::check_region(&draft.region));
    check("target.name", draft.resource_type.check_name(&draft.name));
    // "West Europe" and the like: the programmatic name is certain.
    if let Some(name) = names::region_repaired(&draft.region, draft.cloud.known_regions()) {
        if let Some(error) = out.iter_mut().find(|d| d.field == "target.region") {
            error.set_fix(format!("Use {name}"), vec![name]);
        }
    }

    let resource = match draft.resource_type {
        ResourceType::CognitiveServices => cognitive_resource(draft, out, &mut ok),
        ResourceType::MlHub => {
            if draft.existence == Existence::Create {
                out.push(Diagnostic::error(
                    "target.existence",
                    "Creating a hub is outside this wizard (it needs a storage account, key vault and more): create it in the AI Foundry portal or with `az ml workspace create --kind hub`, then choose \"existing\".",
                ));
                ok = false;
            }
            Some(Resource::MlHub {
                name: draft.name.clone(),
            })
        }
        ResourceType::MediaServices => {
            out.push(Diagnostic::warning(
                "target.resource_type",
                "Azure Media Services was retired on 2024-06-30. Only existing, legacy configurations are supported here.",
            ));
            if draft.existence == Existence::Create {
                out.push(Diagnostic::error(
                    "target.existence",
                    "Media Services was retired on 2024-06-30: new accounts cannot be created. Choose \"existing\".",
                ));
                ok = false;
            }
            Some(Resource::MediaServices {
                name: draft.name.clone(),
            })
        }
    };

    if names::check_region(&draft.region).is_ok()
        && !draft.cloud.known_regions().contains(&draft.region.as_str())
    {
        let other_cloud = Cloud::ALL
            .into_iter()
            .find(|c| *c != draft.cloud && c.known_regions().contains(&draft.region.as_str()));
        let message = match other_cloud {
            Some(c) => format!(
                "\"{}\" is a region of {}, not of {}: choose that cloud, or a region of {}.",
                draft.region,
                c.label(),
                draft.cloud.label(),
                draft.cloud.label()
            ),
            None => format!(
                "\"{}\" is not a region this wizard knows in {}: check the spelling (`az account list-locations`).",
                draft.region,
                draft.cloud.label()
            ),
        };
        if other_cloud.is_some() {
            out.push(Diagnostic::error("target.region", message));
            ok = false;
        } else {
            out.push(Diagnostic::warning("target.region", message));
        }
    }

    let resource = resource?;
    ok.then(|| Target {
        cloud: draft.cloud,
        subscription_id: draft.subscription_id.to_ascii_lowercase(),
        resource_group: draft.resource_group.clone(),
        resource,
        region: draft.region.clone(),
        existence: draft.existence,
    })
}

fn cognitive_resource(
    draft: &TargetDraft,
    out: &mut Vec<Diagnostic>,
    ok: &mut bool,
) -> Option<Resource> {
    let Some(kind) = kind_info(&draft.kind) else {
        out.push(Diagnostic::error(
            "target.kind",
            format!("Unknown kind \"{}\": choose one from the list.", draft.kind),
        ));
        *ok = false;
        return None;
    };
    if let Some(note) = kind.note {
        out.push(Diagnostic::warning("target.kind", note));
    }
    if draft.existence == Existence::Create && !kind.skus.contains(&draft.sku.as_str()) {
        out.push(Diagnostic::error(
            "target.sku",
            format!(
                "SKU \"{}\" is not offered for {}: choose one of {}.",
                draft.sku,
                kind.label,
                kind.skus.join(", ")
            ),
        ));
        *ok = false;
    }
    Some(Resource::CognitiveServices {
        kind,
        sku: draft.sku.clone(),
        name: draft.name.clone(),
    })
}
