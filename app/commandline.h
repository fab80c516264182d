#pragma once

#include <QString>
#include <QStringList>

namespace vigil
{

// Arguments of `vigil export history`.
struct HistoryExportArguments {
    QStringList tags; // ids or patterns ("FT*"), from one or more --tags
    QString from;     // time expressions (see TimeExpression), parsed when run
    QString to = QStringLiteral("now");
    QString profile = QStringLiteral("machine");
    QString out; // the CSV file to write
};

// Arguments of `vigil user …`.
struct UserArguments {
    QString action; // "add", "passwd", "disable", "enable", "role", "list"
    QString name;   // the user (all but list)
    QString role;   // add: --role; role: the second word
};

// The vigil command line: `vigil [options]` runs the HMI; `vigil <command> [options]` runs a
// headless command (export history, user add|passwd|disable|enable|role|list, audit verify). Parsed
// before any QCoreApplication exists, so that headless commands never need a display.
class CommandLine
{
public:
    enum class Command {
        Run,
        ExportHistory,
        User,
        AuditVerify,
    };

    bool parse(const QStringList &arguments);

    QString error() const { return m_error; }
    // Help for the command given (the HMI's options and the list of commands, or one command's).
    QString helpText() const;

    Command command = Command::Run;
    bool help = false;
    bool version = false;
    bool kiosk = false;
    QString configPath;       // --config FILE
    QString checkConfigPath;  // --check-config FILE
    QString language;         // --lang zh_CN
    QString renderer;         // --renderer software|opengl (empty: chosen at start)
    int exitAfterSeconds = 0; // --exit-after N (smoke tests)
    HistoryExportArguments exportHistory;
    UserArguments user;

private:
    bool parseRun(const QStringList &arguments);
    QString m_error;
    int m_subcommand = -1; // the headless command matched, for its help
};

} // namespace vigil
