//! What `search` gives a shell and `man`: completion scripts and the man page, both
//! generated from the command line's own definitions (`cli.rs`), so they never fall
//! behind its flags.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell as Generator;

use crate::cli::{Cli, Shell};

/// Writes the completion script for `shell`.
pub fn completions(out: &mut impl Write, shell: Shell) -> io::Result<()> {
    let generator = match shell {
        Shell::Bash => Generator::Bash,
        Shell::Zsh => Generator::Zsh,
        Shell::Fish => Generator::Fish,
        Shell::Powershell => Generator::PowerShell,
    };
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(generator, &mut command, "search", &mut script);
    out.write_all(&script)
}

/// Writes the man page, `search(1)` in roff: the synopsis, every command and flag.
pub fn man(out: &mut impl Write) -> io::Result<()> {
    let command = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    // One section per command, since `search` is nothing without one.
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
    {
        let name = sub.get_name();
        writeln!(page, ".SH \"SEARCH {}\"", name.to_uppercase())?;
        let sub = sub.clone().bin_name(format!("search {name}"));
        let man = clap_mangen::Man::new(sub);
        man.render_synopsis_section(&mut page)?;
        man.render_description_section(&mut page)?;
        man.render_options_section(&mut page)?;
    }
    out.write_all(&page)
}
