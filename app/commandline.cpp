#include "commandline.h"

#include <QCommandLineParser>

#include <array>

namespace vigil
{

namespace
{

QCommandLineOption configOption()
{
    return {
        {QStringLiteral("c"), QStringLiteral("config")},
        QStringLiteral("Plant file to run (default: $VIGIL_CONFIG, /etc/vigil/plant.toml, then the "
                       "installed demo plant)."),
        QStringLiteral("file")};
}

QCommandLineOption helpOption()
{
    return {{QStringLiteral("h"), QStringLiteral("help")},
            QStringLiteral("Print this help and exit.")};
}

QList<QCommandLineOption> runOptions()
{
    return {
        configOption(),
        {QStringLiteral("check-config"),
         QStringLiteral("Validate a plant file, print every problem as file:line:column and exit "
                        "(0: valid, 1: invalid)."),
         QStringLiteral("file")},
        {QStringLiteral("kiosk"),
         QStringLiteral("Full screen, no window frame, on-screen keyboard (touch panels).")},
        {QStringLiteral("lang"),
         QStringLiteral("User interface language, e.g. zh_CN (default: the "
                        "system language)."),
         QStringLiteral("language")},
        {QStringLiteral("renderer"),
         QStringLiteral("Qt Quick scene graph: software or opengl (default: software when OpenGL "
                        "runs on a software rasteriser such as llvmpipe, else Qt's choice)."),
         QStringLiteral("backend")},
        {QStringLiteral("exit-after"),
         QStringLiteral("Quit after the given number of seconds (smoke tests)."),
         QStringLiteral("seconds")},
        {{QStringLiteral("v"), QStringLiteral("version")},
         QStringLiteral("Print the version and exit.")},
        helpOption(),
    };
}

// A headless command: the words that name it, its options, and how they are read.
struct Subcommand {
    QStringList words;
    QStringList arguments; // positional, e.g. NAME ROLE: all required
    CommandLine::Command command;
    const char *summary;
    QList<QCommandLineOption> (*options)();
    bool (*read)(const QCommandLineParser &parser, CommandLine &cli, QString *error);
};

QList<QCommandLineOption> exportHistoryOptions()
{
    return {
        configOption(),
        {QStringLiteral("tags"),
         QStringLiteral(
             "Tags to export: ids or patterns such as FT*, comma-separated or repeated."),
         QStringLiteral("tags")},
        {QStringLiteral("from"),
         QStringLiteral("Start: 2024-01-05T13:00:00Z (UTC), 2024-01-05T14:00 (local), "
                        "2024-01-05, now, or -2h / -7d from now."),
         QStringLiteral("time")},
        {QStringLiteral("to"), QStringLiteral("End, as --from (default: now)."),
         QStringLiteral("time")},
        {QStringLiteral("profile"),
         QStringLiteral("machine (UTF-8, comma, dot, ISO 8601 UTC; default) or spreadsheet "
                        "(UTF-8 with BOM, the locale's separator and decimal mark, local time)."),
         QStringLiteral("profile")},
        {QStringLiteral("out"), QStringLiteral("The CSV file to write."), QStringLiteral("file")},
        helpOption(),
    };
}

bool readExportHistory(const QCommandLineParser &p, CommandLine &cli, QString *error)
{
    HistoryExportArguments &a = cli.exportHistory;
    for (const QString &value : p.values(QStringLiteral("tags"))) {
        for (const QString &tag : value.split(u',', Qt::SkipEmptyParts))
            a.tags.append(tag.trimmed());
    }
    a.from = p.value(QStringLiteral("from"));
    if (p.isSet(QStringLiteral("to")))
        a.to = p.value(QStringLiteral("to"));
    if (p.isSet(QStringLiteral("profile")))
        a.profile = p.value(QStringLiteral("profile")).toLower();
    a.out = p.value(QStringLiteral("out"));
    if (cli.help)
        return true;
    if (a.tags.isEmpty())
        *error = QStringLiteral("export history needs --tags");
    else if (a.from.isEmpty())
        *error = QStringLiteral("export history needs --from");
    else if (a.out.isEmpty())
        *error = QStringLiteral("export history needs --out FILE");
    else if (a.profile != u"machine" && a.profile != u"spreadsheet")
        *error = QStringLiteral("--profile must be machine or spreadsheet");
    return error->isEmpty();
}

QList<QCommandLineOption> configOnlyOptions()
{
    return {configOption(), helpOption()};
}

QList<QCommandLineOption> userAddOptions()
{
    return {configOption(),
            {QStringLiteral("role"),
             QStringLiteral("viewer, operator, engineer or admin (required)."),
             QStringLiteral("role")},
            helpOption()};
}

// `vigil user <action> NAME [ROLE]`: the action is the second word, the rest positional. The
// role is checked when the command runs (a refusal, audited, that lists the roles).
bool readUser(const QCommandLineParser &p, CommandLine &cli, QString *error)
{
    UserArguments &a = cli.user;
    const QStringList values = p.positionalArguments();
    a.name = values.value(0);
    a.role = a.action == u"add" ? p.value(QStringLiteral("role")) : values.value(1);
    if (a.action == u"add" && a.role.isEmpty() && !cli.help)
        *error = QStringLiteral("user add needs --role ROLE");
    return error->isEmpty();
}

bool readNothing(const QCommandLineParser &, CommandLine &, QString *)
{
    return true;
}

const std::array<Subcommand, 8> &subcommands()
{
    static const std::array<Subcommand, 8> list{{
        {{QStringLiteral("export"), QStringLiteral("history")},
         {},
         CommandLine::Command::ExportHistory,
         "Export stored history as CSV, with progress on the terminal.",
         exportHistoryOptions,
         readExportHistory},
        {{QStringLiteral("user"), QStringLiteral("add")},
         {QStringLiteral("NAME")},
         CommandLine::Command::User,
         "Add a user with --role; the password is asked twice (or read as one line from stdin).",
         userAddOptions,
         readUser},
        {{QStringLiteral("user"), QStringLiteral("passwd")},
         {QStringLiteral("NAME")},
         CommandLine::Command::User,
         "Set a user's password (and lift a lockout).",
         configOnlyOptions,
         readUser},
        {{QStringLiteral("user"), QStringLiteral("disable")},
         {QStringLiteral("NAME")},
         CommandLine::Command::User,
         "Disable a user: no more logins.",
         configOnlyOptions,
         readUser},
        {{QStringLiteral("user"), QStringLiteral("enable")},
         {QStringLiteral("NAME")},
         CommandLine::Command::User,
         "Enable a disabled user again.",
         configOnlyOptions,
         readUser},
        {{QStringLiteral("user"), QStringLiteral("role")},
         {QStringLiteral("NAME"), QStringLiteral("ROLE")},
         CommandLine::Command::User,
         "Change a user's role.",
         configOnlyOptions,
         readUser},
        {{QStringLiteral("user"), QStringLiteral("list")},
         {},
         CommandLine::Command::User,
         "List the users: name, role, disabled, locked.",
         configOnlyOptions,
         readUser},
        {{QStringLiteral("audit"), QStringLiteral("verify")},
         {},
         CommandLine::Command::AuditVerify,
         "Check the audit trail's hash chain, HMACs and head file (exit 1 when broken).",
         configOnlyOptions,
         readNothing},
    }};
    return list;
}

const Subcommand *subcommandAt(int index)
{
    return index >= 0 && index < int(subcommands().size()) ? &subcommands()[size_t(index)]
                                                           : nullptr;
}

void setUp(QCommandLineParser &parser, const QList<QCommandLineOption> &options)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(options);
}

} // namespace

bool CommandLine::parse(const QStringList &arguments)
{
    // Options before the first word; everything from a command word on belongs to the command.
    QCommandLineParser global;
    setUp(global, runOptions());
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!global.parse(arguments)) {
        m_error = global.errorText();
        return false;
    }
    const QStringList words = global.positionalArguments();
    if (words.isEmpty())
        return parseRun(arguments);

    const Subcommand *match = nullptr;
    QStringList known;
    for (const Subcommand &s : subcommands()) {
        known.append(s.words.join(u' '));
        if (words.size() >= s.words.size() && words.mid(0, s.words.size()) == s.words)
            match = &s;
    }
    if (!match) {
        const bool partial =
            std::any_of(subcommands().begin(), subcommands().end(),
                        [&](const Subcommand &s) { return s.words.mid(0, words.size()) == words; });
        m_error = QStringLiteral("%1 command '%2' (commands: %3)")
                      .arg(partial ? u"incomplete" : u"unknown", words.join(u' '),
                           known.join(QStringLiteral(", ")));
        return false;
    }
    command = match->command;
    m_subcommand = int(match - subcommands().data());
    configPath = global.value(QStringLiteral("config"));
    QCommandLineParser parser;
    setUp(parser, match->options());
    if (!parser.parse(QStringList{arguments.value(0)} + words.mid(match->words.size()))) {
        m_error = parser.errorText();
        return false;
    }
    help = parser.isSet(QStringLiteral("help")) || global.isSet(QStringLiteral("help"));
    const QStringList values = parser.positionalArguments();
    if (values.size() > match->arguments.size()) {
        // A user command's surplus word may be a password typed where it does not belong: it is
        // not repeated on the terminal.
        m_error = match->command == Command::User
                      ? QStringLiteral("too many arguments (usage: vigil %1); passwords are asked "
                                       "for, never given as arguments")
                            .arg((match->words + match->arguments).join(u' '))
                      : QStringLiteral("unexpected argument '%1'")
                            .arg(values.at(match->arguments.size()));
        return false;
    }
    if (values.size() < match->arguments.size() && !help) {
        m_error =
            QStringLiteral("%1 needs %2").arg(match->words.join(u' '), match->arguments.join(u' '));
        return false;
    }
    if (command == Command::User)
        user.action = match->words.at(1);
    if (parser.isSet(QStringLiteral("config")))
        configPath = parser.value(QStringLiteral("config"));
    return match->read(parser, *this, &m_error);
}

bool CommandLine::parseRun(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser, runOptions());
    if (!parser.parse(arguments)) {
        m_error = parser.errorText();
        return false;
    }
    help = parser.isSet(QStringLiteral("help"));
    version = parser.isSet(QStringLiteral("version"));
    kiosk = parser.isSet(QStringLiteral("kiosk"));
    configPath = parser.value(QStringLiteral("config"));
    checkConfigPath = parser.value(QStringLiteral("check-config"));
    // An empty file name would silently fall back to the default plant (or start the UI).
    for (const QString &name : {QStringLiteral("config"), QStringLiteral("check-config")}) {
        if (parser.isSet(name) && parser.value(name).trimmed().isEmpty()) {
            m_error = QStringLiteral("--%1 needs a file name").arg(name);
            return false;
        }
    }
    language = parser.value(QStringLiteral("lang"));
    renderer = parser.value(QStringLiteral("renderer"));
    if (parser.isSet(QStringLiteral("renderer")) && renderer != u"software" &&
        renderer != u"opengl") {
        m_error = QStringLiteral("--renderer takes software or opengl, not '%1'").arg(renderer);
        return false;
    }
    if (parser.isSet(QStringLiteral("exit-after"))) {
        bool ok = false;
        exitAfterSeconds = parser.value(QStringLiteral("exit-after")).toInt(&ok);
        if (!ok || exitAfterSeconds <= 0) {
            m_error = QStringLiteral("--exit-after takes a positive number of seconds");
            return false;
        }
    }
    if (!configPath.isEmpty() && !checkConfigPath.isEmpty()) {
        m_error = QStringLiteral("give either --config or --check-config, not both");
        return false;
    }
    return true;
}

QString CommandLine::helpText() const
{
    QCommandLineParser parser;
    if (const Subcommand *s = subcommandAt(m_subcommand)) {
        setUp(parser, s->options());
        const QStringList usage = s->words + s->arguments;
        return QStringLiteral("Usage: vigil %1 [options]\n%2\n")
                   .arg(usage.join(u' '), QString::fromUtf8(s->summary)) +
               parser.helpText().section(u'\n', 1);
    }
    parser.setApplicationDescription(
        QStringLiteral("Vigil HMI: live plant overview, alarms and commands for control rooms and "
                       "kiosk touch panels."));
    setUp(parser, runOptions());
    QString text = QStringLiteral("Usage: vigil [options]\n       vigil <command> [options]\n") +
                   parser.helpText().section(u'\n', 1);
    text += QStringLiteral("\nCommands:\n");
    for (const Subcommand &s : subcommands())
        text += QStringLiteral("  %1  %2\n")
                    .arg(s.words.join(u' '), -20)
                    .arg(QString::fromUtf8(s.summary));
    text += QStringLiteral("\nvigil <command> --help shows a command's options.\n");
    return text;
}

} // namespace vigil
