#pragma once

// The command path of app/main.cpp for integration tests and the command benchmark: a plant
// loaded from TOML text, its drivers on their threads, a TagTable, an AlarmEngine and the
// CommandService (TagWriter = DeviceHost), with commands failing and succeeding into the alarm
// engine as main.cpp wires them. The core objects live on the test's thread. Header-only.

#include "alarms/alarmengine.h"
#include "commands/commandservice.h"
#include "modbustesting.h"
#include "tags/tagtable.h"

#include <QEventLoop>
#include <QHash>
#include <QTimer>

namespace vigil::testing
{

class CommandRig
{
public:
    bool load(const QString &toml)
    {
        registerCoreMetaTypes();
        qRegisterMetaType<DriverStatus>();
        registerBuiltinDrivers(m_registry);
        const QString path = m_dir.filePath(QStringLiteral("plant.toml"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(toml.toUtf8()) < 0)
            return false;
        f.close();
        PlantLoader::Result result = PlantLoader(m_registry).load(path);
        m_diagnostics = result.diagnostics.toStringList().join(u'\n');
        if (!result.plant)
            return false;
        m_plant = std::move(*result.plant);
        m_host = std::make_unique<DeviceHost>(m_registry, m_plant, m_clock);
        m_table = std::make_unique<TagTable>(m_plant.tags, m_clock);
        m_alarms = std::make_unique<AlarmEngine>(m_plant.tags, m_clock, m_plant.alarms);
        m_service = std::make_unique<CommandService>(*m_plant.tags, m_plant.commands, m_host.get(),
                                                     &m_clock);
        for (Driver *d : m_host->drivers())
            QObject::connect(d, &Driver::samplesReady, m_table.get(), &TagTable::ingest);
        QObject::connect(m_table.get(), &TagTable::changed, m_service.get(),
                         &CommandService::processChanges);
        QObject::connect(m_table.get(), &TagTable::changed, m_alarms.get(),
                         &AlarmEngine::processChanges);
        QObject::connect(m_service.get(), &CommandService::commandFailed, m_alarms.get(),
                         &AlarmEngine::raiseCommandFailure);
        QObject::connect(m_service.get(), &CommandService::commandSucceeded, m_alarms.get(),
                         &AlarmEngine::clearCommandFailure);
        QObject::connect(m_service.get(), &CommandService::commandUpdated, m_service.get(),
                         [this](const CommandStatus &s) { m_statuses[s.id].append(s); });
        return true;
    }
    void start()
    {
        m_service->start();
        m_alarms->start();
        m_host->startAll();
    }
    void stop()
    {
        if (m_host)
            m_host->stopAll();
    }

    quint32 tag(const QString &id) const { return *m_plant.tags->indexOf(id); }
    const PlantConfig &plant() const { return m_plant; }
    TagTable &table() { return *m_table; }
    CommandService &service() { return *m_service; }
    AlarmEngine &alarms() { return *m_alarms; }
    Driver *driver(const QString &id) const { return m_host->driver(id); }
    const QString &diagnostics() const { return m_diagnostics; }
    bool good(const QString &id) const { return isGood(m_table->quality(tag(id))); }
    double value(const QString &id) const { return m_table->value(tag(id)); }
    // Every status of one command, in order.
    QList<CommandStatus> statuses(quint64 id) const { return m_statuses.value(id); }

    // Selects, operates (and confirms when `confirmer` is given) as the operator "alice" and waits
    // until the command is finished or `timeoutMs` passed; returns its last status.
    CommandStatus command(const QString &tagId, const QVariant &target, int timeoutMs = 10'000,
                          const QString &confirmer = {})
    {
        const quint64 id = m_service->nextId();
        // An event loop that ends with the command, so that a round trip is timed to the event
        // that finished it (a polling wait would add its own sleep).
        QEventLoop loop;
        QObject::connect(m_service.get(), &CommandService::commandUpdated, &loop,
                         [&loop, id](const CommandStatus &s) {
                             if (s.id == id && s.finished())
                                 loop.quit();
                         });
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        m_service->select(id, tag(tagId), target, QStringLiteral("alice"), Role::Operator);
        m_service->operate(id, QStringLiteral("alice"));
        if (!confirmer.isEmpty())
            m_service->confirm(id, confirmer, Role::Operator);
        if (!finished(id))
            loop.exec();
        const QList<CommandStatus> all = m_statuses.value(id);
        return all.isEmpty() ? CommandStatus{} : all.last();
    }

private:
    bool finished(quint64 id) const
    {
        const QList<CommandStatus> all = m_statuses.value(id);
        return !all.isEmpty() && all.last().finished();
    }

    QTemporaryDir m_dir;
    DriverRegistry m_registry;
    SystemClock m_clock;
    PlantConfig m_plant;
    std::unique_ptr<DeviceHost> m_host;
    std::unique_ptr<TagTable> m_table;
    std::unique_ptr<AlarmEngine> m_alarms;
    std::unique_ptr<CommandService> m_service;
    QHash<quint64, QList<CommandStatus>> m_statuses;
    QString m_diagnostics;
};

} // namespace vigil::testing
