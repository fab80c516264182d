#pragma once

#include <QString>
#include <QStringList>

namespace vigil::sim
{

// vigil-sim's command line.
struct SimOptions {
    static constexpr double kMaxBackfillHours = 24 * 31;
    QString tcpHost = QStringLiteral("127.0.0.1");
    int tcpPort = -1;          // -1: no TCP server; 0: a free port
    int maxConnections = 1024; // Modbus TCP clients served at once; more are refused
    QString rtuDevice;
    int baud = 19200;
    char parity = 'E';
    int unit = 1;
    double speed = 1.0;
    int routineMinute = -1; // --routine: the operator routine from this minute of its cycle
    quint64 seed = 1;
    int delayMs = 0;
    int exceptionCode = 0;
    int dropEvery = 0;
    int corruptEvery = 0;
    QString scaleDevice; // weigh scale WI-101 (serial ASCII) on this device
    int scalePeriodMs = 250;
    int scaleGarbageEvery = 0;
    double exitAfterS = 0;
    // MQTT front-end: publishes the unit as JSON and takes commands.
    QString mqttHost;
    int mqttPort = -1; // -1: no MQTT
    QString mqttTopic = QStringLiteral("riverside/unit1");
    int mqttPeriodMs = 500;
    // History backfill: writes demo plant history ending now instead of serving.
    QString backfillTarget; // history URL or SQLite file; empty: serve the plant
    double backfillHours = 0;
    QString journalTarget; // with a backfill: also the alarm journal (URL or SQLite file)
    QString configPath;    // plant file; empty: the demo plant

    // False and *error on a bad command line; *help set for --help.
    bool parse(const QStringList &arguments, QString *error, bool *help);
    static QString helpText();
};

} // namespace vigil::sim
