//! On Linux, the binaries' debug line tables are linked compressed: backtraces still
//! name the file and line of each frame, and the release binary is about a fifth of
//! its uncompressed size.
//!
//! On Linux the binaries are also linked at a fixed address (`-no-pie`): a
//! position-independent executable has some 55,000 pointers in its read-only data
//! that the loader rewrites at every start, dirtying a few hundred pages, which was
//! about a tenth of a query's time on a 190,430-article index (docs/benchmarks.md,
//! query latency). The code is still compiled position-independent, so only the
//! executable's own load address stops being random; its libraries, heap, stack and
//! mapped index files still are.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-Wl,--compress-debug-sections=zlib");
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
