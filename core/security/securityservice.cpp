#include "securityservice.h"

#include <QPromise>

namespace vigil
{

namespace
{

template<typename T>
QFuture<T> ready(T value)
{
    QPromise<T> promise;
    QFuture<T> future = promise.future();
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return future;
}

LoginResult notRunning(const QString &name)
{
    LoginResult result;
    result.user = name;
    result.message = QStringLiteral("the user database is not available");
    return result;
}

} // namespace

SecurityService::SecurityService(QString databaseUrl, QString keyFile, QString headFile,
                                 SecurityOptions options, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
{
    Q_UNUSED(databaseUrl)
    Q_UNUSED(keyFile)
    Q_UNUSED(headFile)
}

SecurityService::~SecurityService()
{
    stop();
}

bool SecurityService::start(QString *error)
{
    if (error)
        *error = QStringLiteral("security service: not implemented yet");
    return false;
}

void SecurityService::stop() {}

QFuture<LoginResult> SecurityService::login(const QString &name, const QString &password)
{
    Q_UNUSED(password)
    return ready(notRunning(name));
}

QFuture<LoginResult> SecurityService::confirmIdentity(const QString &name, const QString &password,
                                                      const QString &purpose)
{
    Q_UNUSED(password)
    Q_UNUSED(purpose)
    return ready(notRunning(name));
}

QFuture<bool> SecurityService::hasUsers()
{
    return ready(false);
}

QFuture<QString> SecurityService::createFirstAdministrator(const QString &name,
                                                           const QString &password)
{
    Q_UNUSED(name)
    Q_UNUSED(password)
    return ready(QStringLiteral("the user database is not available"));
}

void SecurityService::audit(AuditEntry entry)
{
    Q_UNUSED(entry)
}

QFuture<QList<AuditRecord>> SecurityService::auditPage(const AuditFilter &filter)
{
    Q_UNUSED(filter)
    return ready(QList<AuditRecord>());
}

QFuture<AuditVerification> SecurityService::verifyAudit(const QString &user)
{
    Q_UNUSED(user)
    return ready(AuditVerification{false, 0, 0, QStringLiteral("not implemented yet")});
}

} // namespace vigil
