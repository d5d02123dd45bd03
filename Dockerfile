# syntax=docker/dockerfile:1
# ElectionComms portal: build with the .NET 10 SDK, run on the ASP.NET Core 10 runtime.
#   docker build -t electioncomms .
#   docker compose up --build        (with PostgreSQL, see docker-compose.yml)
# The container listens on port 8080 and needs ConnectionStrings__Default.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Build settings shared by all projects (optional files via trailing wildcards).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig* [Nn]u[Gg]et.[Cc]onfig* ./
COPY src/ src/

RUN dotnet restore src/ElectionComms.Web/ElectionComms.Web.csproj
RUN dotnet publish src/ElectionComms.Web/ElectionComms.Web.csproj \
        -c Release --no-restore -o /app/publish -p:UseAppHost=false

# The fake Telegram and WhatsApp APIs for the demo (a development tool, never part of the portal's image):
#   docker compose up starts them as the service "fakes" (target below); the portal's image is the last stage.
FROM build AS fakes-build
COPY tools/ tools/
RUN dotnet publish tools/ElectionComms.FakePlatforms/ElectionComms.FakePlatforms.csproj \
        -c Release -o /app/fakes -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS fakes
WORKDIR /app
ENV FAKE_TELEGRAM_URL=http://0.0.0.0:58081 \
    FAKE_WHATSAPP_URL=http://0.0.0.0:58082 \
    FAKE_WHATSAPP_NUMBERS=106540352242922=EAAdemoWhatsAppToken \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
COPY --from=fakes-build /app/fakes ./
USER $APP_UID
EXPOSE 58081 58082
ENTRYPOINT ["dotnet", "ElectionComms.FakePlatforms.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# Writable folder for file logs; the app runs as the non-root "app" user of the image.
# Roster uploads wait in App_Data/uploads, readable by the portal user only (ADR 0018).
RUN mkdir -p /app/logs /app/App_Data/uploads && chown "$APP_UID" /app/logs /app/App_Data /app/App_Data/uploads && chmod 700 /app/App_Data/uploads
COPY --from=build /app/publish ./
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "ElectionComms.Web.dll"]
