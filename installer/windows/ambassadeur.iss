; Inno Setup 6.3+ script: the Windows installer of Carnet de bord ambassadeur.
;
; It packs the PyInstaller folder dist\ambassadeur (build_installer.spec) into one setup .exe:
; French wizard, per-user install without administrator rights, a Start-menu entry, an optional
; desktop icon, .ambassadeur files opening in the app, and an uninstaller that leaves the user's
; carnets, backups and settings (in %LOCALAPPDATA%, see ambassadeur_app/paths.py) untouched.
;
; Build on Windows, after PyInstaller, from the repository root:
;   iscc /DAppVersion=0.1.0 installer\windows\ambassadeur.iss
; -> dist\ambassadeur-0.1.0-windows-setup.exe   (.github/workflows/installers.yml does this)
;
; Relative paths below are relative to this file's folder.

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (x64compatible)
#endif

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\ambassadeur"
#endif
#define AppName "Carnet de bord ambassadeur"
#define AppExe "ambassadeur-app.exe"
#define ProgId "CarnetAmbassadeur.Carnet"
; platformdirs' user_data_dir("ambassadeur", "Carnet de bord ambassadeur") under %LOCALAPPDATA%:
; the carnets, their backups, the settings and the log. Named here only to tell the user.
#define DataDir "Carnet de bord ambassadeur\ambassadeur"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{ADB0F300-C476-4F6E-B696-E8B881A0C9C6}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Carnet de bord ambassadeur
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; Per-user by default (no administrator password on a managed laptop); an IT department can
; still install for every user with /ALLUSERS on the command line.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
; Ask a running app to close before its files are replaced (it saves on close).
CloseApplications=yes
RestartApplications=no
OutputDir=..\..\dist
OutputBaseFilename=ambassadeur-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\ambassadeur.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
ShowLanguageDialog=no

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: no library of an older version is left beside the new
; ones. Only the program folder: the user's data lives elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; A double-clicked .ambassadeur file opens in the app: "ambassadeur-app.exe --carnet <file>".
; HKA is HKCU for a per-user install, HKLM for /ALLUSERS.
Root: HKA; Subkey: "Software\Classes\.ambassadeur"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.ambassadeur\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Carnet ambassadeur"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --carnet ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".ambassadeur"; ValueData: ""
; "Ouvrir avec" > this program uses this key: the same command line.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --carnet ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes what it installed and nothing else. The
; carnets, backups and settings stay in %LOCALAPPDATA%\{#DataDir}; a new install finds them.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('Le programme a été désinstallé. Vos carnets, leurs sauvegardes et vos réglages '
      + 'sont conservés dans le dossier :' + #13#10#13#10
      + ExpandConstant('{localappdata}\{#DataDir}') + #13#10#13#10
      + 'Supprimez ce dossier vous-même seulement si vous n''en avez plus besoin.',
      mbInformation, MB_OK);
end;
