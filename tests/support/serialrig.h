#pragma once

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "devicehost.h"
#include "driverregistry.h"
#include "metatypes.h"
#include "serialinstrument.h"
#include "socatpair.h"
#include "util/systemclock.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>

#include <memory>
#include <optional>

// Runs a plant with serial devices against a socat cable, the test playing the instrument:
// start() plugs the cable in, opens the instrument end, loads the plant (every "@PORT@" in it
// becomes the driver's end of the cable) and starts the drivers on their own threads, as the app
// does. Samples are collected on the test thread.
class SerialRig
{
public:
    SerialRig()
        : m_socat(m_dir.path())
    {
        vigil::registerCoreMetaTypes();
        vigil::registerBuiltinDrivers(m_registry);
    }
    ~SerialRig()
    {
        m_host.reset(); // stops the drivers before the cable goes
        m_instrument.close();
    }

    // A plant with one serial device "dev" on the rig's cable: extra device keys, then tags.
    static QString plant(const QString &deviceKeys, const QString &tags)
    {
        return plantText(QStringLiteral("dev"), deviceKeys, tags);
    }

    // The weighing scale of the cable tests: serial device "scale" on the rig's cable (extra
    // device keys first), whose "ST,GS,  12.50kg" lines are the weight WT101 (`weightKeys` adds
    // to that tag), then any further tags.
    static QString scalePlant(const QString &deviceKeys, const QString &weightKeys = {},
                              const QString &moreTags = {})
    {
        const QString weight = QStringLiteral(R"([[tags]]
id = "WT101"
device = "scale"
address = 'regex:^ST,GS,\s*([-+]?[0-9.]+)\s*kg$'
type = "float64"
unit = "kg"
range = [0, 1000]
)");
        return plantText(QStringLiteral("scale"), deviceKeys,
                         weight + weightKeys + QStringLiteral("\n\n") + moreTags);
    }

    // With plugged = false the drivers start with the cable pulled (the device is missing).
    bool start(const QString &plantToml, QString *error, bool plugged = true)
    {
        if (plugged && !plugIn(error))
            return false;
        const QString path = m_dir.filePath(QStringLiteral("plant.toml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = file.errorString();
            return false;
        }
        QString text = plantToml;
        file.write(text.replace(QStringLiteral("@PORT@"), m_socat.devicePath()).toUtf8());
        file.close();
        vigil::PlantLoader::Result loaded = vigil::PlantLoader(m_registry).load(path);
        if (!loaded.plant) {
            *error = loaded.diagnostics.toStringList().join(u'\n');
            return false;
        }
        m_plant = std::move(loaded.plant);
        m_host = std::make_unique<vigil::DeviceHost>(m_registry, *m_plant, m_clock);
        for (vigil::Driver *d : m_host->drivers()) {
            QObject::connect(d, &vigil::Driver::samplesReady, &m_receiver,
                             [this](const vigil::SampleBatch &batch) {
                                 for (const vigil::TagSample &s : batch) {
                                     m_latest.insert(s.tag, s);
                                     ++m_counts[s.tag];
                                     if (vigil::isGood(s.quality))
                                         m_history[s.tag].append(s.value);
                                 }
                             });
            QObject::connect(d, &vigil::Driver::statusChanged, &m_receiver,
                             [this](const vigil::DriverStatus &s) { m_statuses.append(s); });
        }
        m_host->startAll();
        return true;
    }

    // The cable: plugged in (socat running, instrument end open) or pulled (both ends gone).
    bool plugIn(QString *error)
    {
        return m_socat.start(error) && m_instrument.open(m_socat.instrumentPath(), error);
    }
    void pullCable()
    {
        m_instrument.close();
        m_socat.stop();
    }

    SerialInstrument &instrument() { return m_instrument; }
    vigil::DeviceHost &host() { return *m_host; }
    vigil::Driver &driver() { return *m_host->drivers().front(); }
    vigil::DriverStatistics stats() { return driver().statistics(); }
    vigil::DriverState state() { return driver().status().state; }

    const vigil::PlantConfig &plant() const { return *m_plant; }
    quint32 tag(const QString &id) const { return *m_plant->tags->indexOf(id); }
    // The last sample of a tag (WaitingForInitialData before the first).
    vigil::TagSample latest(const QString &id) const
    {
        vigil::TagSample none;
        none.quality = vigil::Quality::WaitingForInitialData;
        return m_latest.value(tag(id), none);
    }
    double value(const QString &id) const { return latest(id).value; }
    QString text(const QString &id) const { return latest(id).text; }
    vigil::Quality quality(const QString &id) const { return latest(id).quality; }
    int sampleCount(const QString &id) const { return m_counts.value(tag(id)); }
    // Every good value the tag received, in order.
    QList<double> history(const QString &id) const { return m_history.value(tag(id)); }
    void clearSamples()
    {
        m_latest.clear();
        m_counts.clear();
        m_history.clear();
    }

    // Every status change of the drivers, in order (what the event timeline records).
    const QList<vigil::DriverStatus> &statusHistory() const { return m_statuses; }

    QFuture<vigil::WriteResult> write(const QString &id, const QVariant &value)
    {
        return m_host->write(vigil::WriteRequest{tag(id), value});
    }

private:
    static QString plantText(const QString &device, const QString &deviceKeys, const QString &tags)
    {
        return QStringLiteral("[plant]\nname = \"serial test\"\n\n[[devices]]\nid = \"%1\"\n"
                              "driver = \"serial\"\nport = \"@PORT@\"\n")
                   .arg(device) +
               deviceKeys + QStringLiteral("\n\n") + tags;
    }

    QTemporaryDir m_dir;
    SocatPair m_socat;
    SerialInstrument m_instrument;
    vigil::DriverRegistry m_registry;
    vigil::SystemClock m_clock;
    std::optional<vigil::PlantConfig> m_plant;
    std::unique_ptr<vigil::DeviceHost> m_host;
    QObject m_receiver;
    QHash<quint32, vigil::TagSample> m_latest;
    QHash<quint32, int> m_counts;
    QHash<quint32, QList<double>> m_history;
    QList<vigil::DriverStatus> m_statuses;
};
