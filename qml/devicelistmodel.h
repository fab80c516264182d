#pragma once

#include "driverstatistics.h"
#include "driverstatus.h"

#include <QAbstractListModel>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace vigil
{

class Driver;

// The devices with their connection state and communication statistics, for the top bar's
// communication status and the Devices page. States arrive as they change; statistics are
// refreshed once a second.
class DeviceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("DeviceListModel is created by the application")
    Q_PROPERTY(int deviceCount READ deviceCount CONSTANT)
    Q_PROPERTY(int healthyCount READ healthyCount NOTIFY summaryChanged)
    Q_PROPERTY(bool allHealthy READ allHealthy NOTIFY summaryChanged)
public:
    enum Role {
        DeviceIdRole = Qt::UserRole + 1,
        DriverRole,
        DescriptionRole,
        StateRole,
        StateTextRole,
        ReasonRole,
        SinceTextRole,
        IsHealthyRole,
        RequestsRole,
        ResponsesRole,
        ErrorsRole,
        TimeoutsRole,
        ReconnectsRole,
        MessagesInRole,
        MessagesOutRole,
        RejectedRole,
        WritesRole,
        WriteErrorsRole,
        OverrunsRole,
        RttAvgRole,
        RttMaxRole,
        LastErrorRole,
        ErrorsByKindRole,
        TagCountRole,
        WarningsRole, // accepted but risky configuration (e.g. MQTT allow_insecure)
    };
    Q_ENUM(Role)

    explicit DeviceListModel(const std::vector<Driver *> &drivers, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int deviceCount() const { return int(m_rows.size()); }
    int healthyCount() const;
    bool allHealthy() const { return healthyCount() == deviceCount(); }
    // The state as the operator reads it, in the UI language.
    static QString stateText(DriverState state);

public slots:
    void refreshStatistics();

signals:
    void summaryChanged();

private:
    struct Row {
        Driver *driver;
        QString id;
        QString driverType;
        QString description;
        int tagCount;
        QString warnings;
        DriverStatus status;
        DriverStatistics stats;
    };
    void onStatusChanged(int row, const DriverStatus &status);

    std::vector<Row> m_rows;
    QTimer m_refresh;
};

} // namespace vigil
