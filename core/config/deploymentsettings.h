#pragma once

#include "sourcelocation.h"

#include <QProcessEnvironment>
#include <QString>

#include <array>
#include <optional>

namespace vigil
{

class ConfigReader;
class Diagnostics;

// Settings that differ between installations of the same plant: where data lives, which
// database and which MQTT broker to use. Each can be set in [settings] of the plant file and
// overridden by a VIGIL_* environment variable.
class DeploymentSettings
{
public:
    enum class Key {
        DataDir,
        DatabaseUrl,
        HistoryUrl,
        BrokerUrl
    };

    struct Entry {
        Key key;
        const char16_t *tomlKey;
        const char16_t *envName;
    };
    static const std::array<Entry, 4> &entries();

    QString dataDir() const { return value(Key::DataDir); }
    QString databaseUrl() const { return value(Key::DatabaseUrl); }
    QString historyUrl() const { return value(Key::HistoryUrl); }
    QString brokerUrl() const { return value(Key::BrokerUrl); }

    QString value(Key key) const;
    // "plant file", "VIGIL_DATA_DIR" or "default".
    QString origin(Key key) const;

    // Reads [settings] (may be null), applies the environment, fills defaults and validates.
    // Relative paths written in the plant file (data_dir, sqlite: URLs) are taken relative to
    // plantDir (the plant file's folder); relative paths from the environment to the working
    // directory.
    static DeploymentSettings read(ConfigReader *settings, const QProcessEnvironment &env,
                                   Diagnostics &diagnostics, const QString &plantDir = QString());

private:
    QString m_values[4];
    QString m_origins[4];
};

} // namespace vigil
