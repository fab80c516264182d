#include "commandline.h"

#include <QCommandLineParser>

namespace vigil
{

namespace
{

QList<QCommandLineOption> options()
{
    return {
        {{QStringLiteral("c"), QStringLiteral("config")},
         QStringLiteral(
             "Plant file to run (default: $VIGIL_CONFIG, /etc/vigil/plant.toml, then the "
             "installed demo plant)."),
         QStringLiteral("file")},
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
        {QStringLiteral("exit-after"),
         QStringLiteral("Quit after the given number of seconds (smoke tests)."),
         QStringLiteral("seconds")},
        {{QStringLiteral("v"), QStringLiteral("version")},
         QStringLiteral("Print the version and exit.")},
        {{QStringLiteral("h"), QStringLiteral("help")},
         QStringLiteral("Print this help and exit.")},
    };
}

void setUp(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Vigil HMI: live plant overview, alarms and commands for control rooms and "
                       "kiosk touch panels."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(options());
}

} // namespace

bool CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser);
    if (!parser.parse(arguments)) {
        m_error = parser.errorText();
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        m_error =
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
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
    setUp(parser);
    return QStringLiteral("Usage: vigil [options]\n") + parser.helpText().section(u'\n', 1);
}

} // namespace vigil
