#include "devicelistmodel.h"

#include "driver.h"
#include "util/urlredaction.h"

#include <QDateTime>

namespace vigil
{

DeviceListModel::DeviceListModel(const std::vector<Driver *> &drivers, QObject *parent)
    : QAbstractListModel(parent)
{
    m_rows.reserve(drivers.size());
    for (Driver *d : drivers) {
        m_rows.push_back({d, d->deviceId(), d->device().driver, d->device().description,
                          int(d->tagIndices().size()),
                          d->configurationWarnings().join(QLatin1Char('\n')), d->status(),
                          d->statistics()});
        const int row = int(m_rows.size()) - 1;
        connect(d, &Driver::statusChanged, this,
                [this, row](const DriverStatus &s) { onStatusChanged(row, s); });
    }
    connect(&m_refresh, &QTimer::timeout, this, &DeviceListModel::refreshStatistics);
    m_refresh.start(1000);
}

int DeviceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeviceListModel::healthyCount() const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.status.state == DriverState::Connected ? 1 : 0;
    return n;
}

QHash<int, QByteArray> DeviceListModel::roleNames() const
{
    return {
        {DeviceIdRole, "deviceId"},
        {DriverRole, "driver"},
        {DescriptionRole, "description"},
        {StateRole, "state"},
        {StateTextRole, "stateText"},
        {ReasonRole, "reason"},
        {SinceTextRole, "sinceText"},
        {IsHealthyRole, "isHealthy"},
        {RequestsRole, "requests"},
        {ResponsesRole, "responses"},
        {ErrorsRole, "errors"},
        {TimeoutsRole, "timeouts"},
        {ReconnectsRole, "reconnects"},
        {MessagesInRole, "messagesIn"},
        {MessagesOutRole, "messagesOut"},
        {RejectedRole, "rejected"},
        {WritesRole, "writes"},
        {WriteErrorsRole, "writeErrors"},
        {OverrunsRole, "overruns"},
        {RttAvgRole, "rttAvgMs"},
        {RttMaxRole, "rttMaxMs"},
        {LastErrorRole, "lastError"},
        {ErrorsByKindRole, "errorsByKind"},
        {TagCountRole, "tagCount"},
        {WarningsRole, "warnings"},
    };
}

QString DeviceListModel::stateText(DriverState state)
{
    // driverStateName() is the fixed English name for logs; the operator reads these.
    switch (state) {
    case DriverState::Stopped:
        return tr("Stopped");
    case DriverState::Connecting:
        return tr("Connecting");
    case DriverState::Connected:
        return tr("Connected");
    case DriverState::Degraded:
        return tr("Degraded");
    case DriverState::Disconnected:
        return tr("Disconnected");
    }
    return QString();
}

QVariant DeviceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return QVariant();
    const Row &r = m_rows[size_t(index.row())];
    const DriverStatistics &s = r.stats;
    switch (role) {
    case Qt::DisplayRole:
    case DeviceIdRole:
        return r.id;
    case DriverRole:
        return r.driverType;
    case DescriptionRole:
        return UrlRedaction::redactAll(r.description);
    case StateRole:
        return int(r.status.state);
    case StateTextRole:
        return stateText(r.status.state);
    case ReasonRole:
        // A driver's reason may quote its broker or server URL: never with a password.
        return UrlRedaction::redactAll(r.status.reason);
    case SinceTextRole:
        return QDateTime::fromMSecsSinceEpoch(r.status.sinceMs)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case IsHealthyRole:
        return r.status.state == DriverState::Connected;
    case RequestsRole:
        return double(s.requests);
    case ResponsesRole:
        return double(s.responses);
    case ErrorsRole:
        return double(s.errors);
    case TimeoutsRole:
        return double(s.timeouts);
    case ReconnectsRole:
        return double(s.reconnects);
    case MessagesInRole:
        return double(s.messagesIn);
    case MessagesOutRole:
        return double(s.messagesOut);
    case RejectedRole:
        return double(s.rejected);
    case WritesRole:
        return double(s.writes);
    case WriteErrorsRole:
        return double(s.writeErrors);
    case OverrunsRole:
        return double(s.overruns);
    case RttAvgRole:
        return s.rttAvgMs;
    case RttMaxRole:
        return s.rttMaxMs;
    case LastErrorRole:
        return s.lastError;
    case ErrorsByKindRole: {
        QStringList parts;
        for (auto it = s.errorsByKind.cbegin(); it != s.errorsByKind.cend(); ++it)
            parts.append(QStringLiteral("%1: %2").arg(it.key()).arg(it.value()));
        return parts.join(QStringLiteral(", "));
    }
    case TagCountRole:
        return r.tagCount;
    case WarningsRole:
        return r.warnings;
    default:
        return QVariant();
    }
}

void DeviceListModel::onStatusChanged(int row, const DriverStatus &status)
{
    const bool wasHealthy = m_rows[size_t(row)].status.state == DriverState::Connected;
    m_rows[size_t(row)].status = status;
    emit dataChanged(index(row), index(row),
                     {StateRole, StateTextRole, ReasonRole, SinceTextRole, IsHealthyRole});
    if (wasHealthy != (status.state == DriverState::Connected))
        emit summaryChanged();
}

void DeviceListModel::refreshStatistics()
{
    if (m_rows.empty())
        return;
    for (Row &r : m_rows)
        r.stats = r.driver->statistics();
    QList<int> roles;
    for (int role = RequestsRole; role <= ErrorsByKindRole; ++role)
        roles.append(role);
    emit dataChanged(index(0), index(int(m_rows.size()) - 1), roles);
}

} // namespace vigil
