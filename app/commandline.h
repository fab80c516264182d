#pragma once

#include <QString>
#include <QStringList>

namespace vigil
{

// The vigil command line. Parsed before any QCoreApplication exists, so that headless commands
// (--check-config, --version, --help) never need a display.
class CommandLine
{
public:
    bool parse(const QStringList &arguments);

    QString error() const { return m_error; }
    QString helpText() const;

    bool help = false;
    bool version = false;
    bool kiosk = false;
    QString configPath;       // --config FILE
    QString checkConfigPath;  // --check-config FILE
    QString language;         // --lang zh_CN
    int exitAfterSeconds = 0; // --exit-after N (smoke tests)

private:
    QString m_error;
};

} // namespace vigil
