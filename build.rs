//! On Linux, the binaries' debug line tables are linked compressed: backtraces still
//! name the file and line of each frame, and the release binary is about a fifth of
//! its uncompressed size.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-Wl,--compress-debug-sections=zlib");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
