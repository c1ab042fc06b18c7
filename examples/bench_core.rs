//! Times the pure core on one configuration, piece by piece: what a keystroke in the page costs
//! before the browser draws anything. A benchmark, not a test (`scripts/bench.sh` runs it).
//!
//!   cargo run --release --example bench_core -- CONFIG.json [RUNS] [ONLY-ROWS-NAMED]

fn main() {
    // Native only: it reads a file and times on this machine (the page makes its links with the
    // browser's zlib, so the core's link maker is not built for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::time::{Duration, Instant};

    use ai_network_wizard::core::config_file::{from_config_json, to_config_json};
    use ai_network_wizard::core::generate::generate;
    use ai_network_wizard::core::highlight::{changed_lines, to_html_lines, Language};
    use ai_network_wizard::core::render::{render, OutputTarget, RenderContext};
    use ai_network_wizard::core::validate::validate;

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let path = args
            .first()
            .expect("usage: bench_core CONFIG.json [RUNS] [ONLY]");
        let runs: usize = args
            .get(1)
            .map_or(201, |r| r.parse().expect("RUNS is a number"));
        let text = std::fs::read_to_string(path).expect("the configuration file is readable");
        let draft = from_config_json(&text).expect("the configuration file is valid");
        let generated = generate(&draft);
        let plan = generated
            .plan
            .clone()
            .expect("the configuration has no error");
        let context = RenderContext::for_draft("2026-11-30", Some("https://example.test/"), &draft);
        let outputs: Vec<String> = OutputTarget::ALL
            .iter()
            .map(|t| render(&plan, *t, &context))
            .collect();
        let bytes: usize = outputs.iter().map(String::len).sum();
        let lines: usize = outputs.iter().map(|o| o.lines().count()).sum();
        println!(
            "{path}: {} steps, four outputs {:.1} kB ({lines} lines); median of {runs} runs (min):",
            plan.steps.len(),
            bytes as f64 / 1000.0
        );

        // A third argument times only the rows whose name contains it (to profile one part).
        let only = args.get(2).cloned().unwrap_or_default();
        let mut rows: Vec<(String, Vec<Duration>)> = Vec::new();
        let mut time = |name: &str, f: &mut dyn FnMut()| {
            if !name.contains(only.as_str()) {
                return;
            }
            f(); // warm-up
            let samples = (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    f();
                    start.elapsed()
                })
                .collect();
            rows.push((name.to_owned(), samples));
        };
        time("validate", &mut || {
            std::hint::black_box(validate(std::hint::black_box(&draft)));
        });
        time("validate + plan", &mut || {
            std::hint::black_box(generate(std::hint::black_box(&draft)));
        });
        time("render context (reopen link)", &mut || {
            std::hint::black_box(RenderContext::for_draft(
                "2026-11-30",
                Some("https://example.test/"),
                &draft,
            ));
        });
        for target in OutputTarget::ALL {
            time(&format!("render {}", target.id()), &mut || {
                std::hint::black_box(render(&plan, target, &context));
            });
        }
        time("validate + plan + render all four", &mut || {
            let g = generate(&draft);
            let plan = g.plan.as_ref().expect("no error");
            for target in OutputTarget::ALL {
                std::hint::black_box(render(plan, target, &context));
            }
        });
        time("validate + plan + render one (az-bash)", &mut || {
            let g = generate(&draft);
            let plan = g.plan.as_ref().expect("no error");
            std::hint::black_box(render(plan, OutputTarget::AzBash, &context));
        });
        // What the page adds per keystroke for the visible tab.
        let bash = &outputs[1];
        time("highlight az-bash", &mut || {
            std::hint::black_box(to_html_lines(Language::Bash, bash, &|_| false));
        });
        time("changed lines az-bash", &mut || {
            std::hint::black_box(changed_lines(bash, bash));
        });
        time("configuration JSON (saved locally)", &mut || {
            std::hint::black_box(to_config_json(&draft));
        });

        for (name, samples) in &mut rows {
            samples.sort();
            let ms = |d: Duration| d.as_secs_f64() * 1000.0;
            println!(
                "  {name:<42} {:>8.3} ms  ({:.3})",
                ms(samples[samples.len() / 2]),
                ms(samples[0])
            );
        }
    }
}
